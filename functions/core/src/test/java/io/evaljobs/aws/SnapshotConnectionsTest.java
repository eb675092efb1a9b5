package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  /** One request, or two in flight at once as a first evaluations page sends its Query and its total's read. */
  @ParameterizedTest(name = "{0} in flight")
  @ValueSource(ints = {1, 2})
  void restore_opensAsManyConnectionsAheadAsTheEndpointHadIdle_andTheNextRequestsUseThem(int inFlight)
      throws IOException {
    SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(1), Duration.ofSeconds(5));
    SnapshotConnections connections = new SnapshotConnections(client);
    FakeHttpServer.Answer[] answers = new FakeHttpServer.Answer[2 * inFlight];
    Arrays.fill(answers, FakeHttpServer.Answer.of(OK));
    try (FakeHttpServer server = new FakeHttpServer(answers)) {
      sideBySide(client, server.uri(), inFlight);
      assertEquals(inFlight, server.connectionsAccepted(), "each request in flight took a connection of its own");
      connections.beforeCheckpoint(null);
      connections.afterRestore(null);
      int acceptedAtRestore = acceptedWithin(server, 2 * inFlight, Duration.ofSeconds(5));
      sideBySide(client, server.uri(), inFlight);

      assertEquals(2 * inFlight, acceptedAtRestore, "the restore opened as many connections before any request");
      assertEquals(2 * inFlight, server.requests().size());
      assertEquals(2 * inFlight, server.connectionsAccepted(), "the requests after the restore used those connections");
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

  /** {@code count} requests whose responses are read only once all were sent, as a page and its total are. */
  private static void sideBySide(SocketHttpClient client, URI uri, int count) throws IOException {
    List<InputStream> bodies = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        bodies.add(send(client, uri));
      }
      for (InputStream body : bodies) {
        body.readAllBytes();
      }
    } finally {
      for (InputStream body : bodies) {
        body.close();
      }
    }
  }

  private static InputStream send(SocketHttpClient client, URI uri) throws IOException {
    SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    return client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call().responseBody().orElseThrow();
  }

  private static void get(SocketHttpClient client, URI uri) throws IOException {
    try (InputStream body = send(client, uri)) {
      body.readAllBytes();
    }
  }
}
