package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void checkpointAndRestore_dropKeptAliveConnections() throws IOException {
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

  private static void get(SocketHttpClient client, URI uri) throws IOException {
    SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    try (InputStream body =
        client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call().responseBody().orElseThrow()) {
      body.readAllBytes();
    }
  }
}
