package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class SnapshotConnectionsTest {
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

  @Test
  void checkpointAndRestore_neverReuseAConnectionFromBeforeTheSnapshot() throws IOException {
    SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(5));
    SnapshotConnections connections = new SnapshotConnections(client);
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.of(OK), FakeHttpServer.Answer.of(OK), FakeHttpServer.Answer.of(OK))) {
      get(client, server.uri());
      connections.beforeCheckpoint(null);
      get(client, server.uri());
      connections.afterRestore(null);
      get(client, server.uri());

      assertEquals(3, server.connectionsAccepted());
    }
  }

  @Test
  void restore_opensAConnectionAheadThatTheNextRequestUses() throws IOException {
    SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(5));
    SnapshotConnections connections = new SnapshotConnections(client);
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(OK), FakeHttpServer.Answer.of(OK))) {
      get(client, server.uri());
      connections.beforeCheckpoint(null);
      connections.afterRestore(null);
      int acceptedAtRestore = acceptedWithin(server, 2, Duration.ofSeconds(5));
      get(client, server.uri());

      assertEquals(2, acceptedAtRestore, "the restore opened a connection before any request");
      assertEquals(2, server.requests().size());
      assertEquals(2, server.connectionsAccepted(), "the request after the restore used that connection");
    }
  }

  @Test
  void restore_opensAsManyConnectionsAheadAsEachEndpointHadIdle_soRequestsSentSideBySideWaitForNone()
      throws IOException {
    SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(5));
    SnapshotConnections connections = new SnapshotConnections(client);
    try (FakeHttpServer server =
        new FakeHttpServer(
            FakeHttpServer.Answer.of(OK), FakeHttpServer.Answer.of(OK),
            FakeHttpServer.Answer.of(OK), FakeHttpServer.Answer.of(OK))) {
      sideBySide(client, server.uri());
      assertEquals(2, server.connectionsAccepted(), "two requests in flight at once took two connections");
      connections.beforeCheckpoint(null);
      connections.afterRestore(null);
      int acceptedAtRestore = acceptedWithin(server, 4, Duration.ofSeconds(5));
      sideBySide(client, server.uri());

      assertEquals(4, acceptedAtRestore, "the restore opened both connections again before any request");
      assertEquals(4, server.requests().size());
      assertEquals(4, server.connectionsAccepted(), "the two requests after the restore used those connections");
    }
  }

  @Test
  void restore_endpointGone_leavesTheFailureToTheNextRequest() throws IOException {
    SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(5));
    SnapshotConnections connections = new SnapshotConnections(client);
    FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(OK));
    get(client, server.uri());
    connections.beforeCheckpoint(null);
    server.close();

    connections.afterRestore(null);

    assertThrows(IOException.class, () -> get(client, server.uri()));
  }

  /** The server accepts on its own thread: waits until it has counted {@code expected} connections, or gives up. */
  private static int acceptedWithin(FakeHttpServer server, int expected, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (server.connectionsAccepted() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return server.connectionsAccepted();
  }

  /** Two requests whose responses are read only once both were sent, as a page and its total are. */
  private static void sideBySide(SocketHttpClient client, URI uri) throws IOException {
    try (InputStream first = send(client, uri);
        InputStream second = send(client, uri)) {
      first.readAllBytes();
      second.readAllBytes();
    }
  }

  private static InputStream send(SocketHttpClient client, URI uri) throws IOException {
    SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    return client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call().responseBody().orElseThrow();
  }

  private static void get(SocketHttpClient client, URI uri) throws IOException {
    SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    try (InputStream body =
        client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call().responseBody().orElseThrow()) {
      body.readAllBytes();
    }
  }
}
