package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class SocketHttpClientTest {
  private static final String OK_HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nx-amz-crc32: 1\r\n\r\nhello";

  private final SocketHttpClient client = SocketHttpClient.create(Duration.ofSeconds(2), Duration.ofSeconds(5));

  @Test
  void call_contentLengthResponse_returnsStatusHeadersAndBody() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(OK_HELLO))) {
      HttpExecuteResponse response = post(server.uri(), "{\"TableName\":\"t\"}");

      assertEquals(200, response.httpResponse().statusCode());
      assertEquals("1", response.httpResponse().firstMatchingHeader("X-Amz-Crc32").orElseThrow());
      assertEquals("hello", body(response));
    }
  }

  @Test
  void call_request_isOneMessageWithHostAndContentLength() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(OK_HELLO))) {
      body(post(server.uri(), "{\"a\":1}"));

      assertEquals(
          "POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.Query\r\nHost: 127.0.0.1:" + server.port()
              + "\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
          server.requests().get(0));
    }
  }

  @Test
  void call_secondRequest_reusesTheConnection() throws IOException {
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.of(OK_HELLO), FakeHttpServer.Answer.of(OK_HELLO))) {
      assertEquals("hello", body(post(server.uri(), "1")));
      assertEquals("hello", body(post(server.uri(), "2")));

      assertEquals(1, server.connectionsAccepted());
    }
  }

  @Test
  void call_chunkedResponse_decodesEveryChunk() throws IOException {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nTrailer: x\r\n\r\n";
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.of(chunked), FakeHttpServer.Answer.of(OK_HELLO))) {
      assertEquals("{\"a\":1}", body(post(server.uri(), "1")));
      assertEquals("hello", body(post(server.uri(), "2")));

      assertEquals(1, server.connectionsAccepted());
    }
  }

  @Test
  void call_reusedConnectionClosedByTheServer_isRetriedOnceOnANewOne() throws IOException {
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.closing(OK_HELLO), FakeHttpServer.Answer.of(OK_HELLO))) {
      assertEquals("hello", body(post(server.uri(), "1")));
      assertEquals("hello", body(post(server.uri(), "2")));

      assertEquals(2, server.connectionsAccepted());
    }
  }

  @Test
  void call_connectionCloseHeader_isNotReused() throws IOException {
    String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello";
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.closing(closing), FakeHttpServer.Answer.of(OK_HELLO))) {
      body(post(server.uri(), "1"));
      body(post(server.uri(), "2"));

      assertEquals(2, server.connectionsAccepted());
    }
  }

  @Test
  void call_bodyClosedBeforeItsEnd_closesTheConnection() throws IOException {
    try (FakeHttpServer server =
        new FakeHttpServer(FakeHttpServer.Answer.of(OK_HELLO), FakeHttpServer.Answer.of(OK_HELLO))) {
      post(server.uri(), "1").responseBody().orElseThrow().close();
      body(post(server.uri(), "2"));

      assertEquals(2, server.connectionsAccepted());
    }
  }

  @Test
  void call_responseEndsBeforeItsContentLength_fails() throws IOException {
    String truncated = "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello";
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.closing(truncated))) {
      HttpExecuteResponse response = post(server.uri(), "1");

      assertThrows(IOException.class, () -> body(response));
    }
  }

  @Test
  void call_noServer_fails() throws IOException {
    URI closedPort;
    try (FakeHttpServer server = new FakeHttpServer()) {
      closedPort = server.uri();
    }

    assertThrows(IOException.class, () -> post(closedPort, "1"));
  }

  @Test
  void abort_beforeTheCall_failsIt() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(OK_HELLO))) {
      var exchange = client.prepareRequest(request(server.uri(), "1"));
      exchange.abort();

      assertThrows(IOException.class, exchange::call);
    }
  }

  @Test
  void call_interimContinueResponse_isSkipped() throws IOException {
    String withContinue = "HTTP/1.1 100 Continue\r\n\r\n" + OK_HELLO;
    try (FakeHttpServer server = new FakeHttpServer(FakeHttpServer.Answer.of(withContinue))) {
      HttpExecuteResponse response = post(server.uri(), "1");

      assertEquals(200, response.httpResponse().statusCode());
      assertEquals("hello", body(response));
    }
  }

  @Test
  void call_noContentResponse_hasAnEmptyBodyAndKeepsTheConnection() throws IOException {
    try (FakeHttpServer server =
        new FakeHttpServer(
            FakeHttpServer.Answer.of("HTTP/1.1 204 No Content\r\n\r\n"), FakeHttpServer.Answer.of(OK_HELLO))) {
      assertEquals("", body(post(server.uri(), "1")));
      assertEquals("hello", body(post(server.uri(), "2")));

      assertEquals(1, server.connectionsAccepted());
      assertTrue(server.requests().get(1).endsWith("2"));
    }
  }

  private HttpExecuteResponse post(URI uri, String body) throws IOException {
    return client.prepareRequest(request(uri, body)).call();
  }

  private static HttpExecuteRequest request(URI uri, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(uri)
            .method(SdkHttpMethod.POST)
            .putHeader("X-Amz-Target", "DynamoDB_20120810.Query")
            .putHeader("Content-Length", "999")
            .build();
    return HttpExecuteRequest.builder()
        .request(request)
        .contentStreamProvider(ContentStreamProvider.fromByteArray(bytes))
        .build();
  }

  private static String body(HttpExecuteResponse response) throws IOException {
    try (InputStream in = response.responseBody().orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
