package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.utils.AttributeMap;

class HttpClientSettingsTest {

  @Test
  void build_isTheApache5ClientWithTheFunctionsTimeouts() throws Exception {
    try (SdkHttpClient client = HttpClientSettings.build()) {
      assertInstanceOf(Apache5HttpClient.class, client);
      AttributeMap options = resolvedOptions(client);
      assertEquals(Duration.ofMillis(500), options.get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT));
      assertEquals(Duration.ofMillis(500), options.get(SdkHttpConfigurationOption.CONNECTION_ACQUIRE_TIMEOUT));
      assertEquals(Duration.ofMillis(1500), options.get(SdkHttpConfigurationOption.READ_TIMEOUT));
    }
  }

  @Test
  void timeouts_connectAndHandshake_andWaitingForAPooledConnection_eachFitInOneAttempt() {
    Duration attempt = ExplicitClientSettings.ATTEMPT_TIMEOUT;
    Duration handshake = HttpClientSettings.CONNECT_TIMEOUT.plus(HttpClientSettings.SOCKET_TIMEOUT);
    Duration pooled = HttpClientSettings.ACQUISITION_TIMEOUT.plus(HttpClientSettings.SOCKET_TIMEOUT);
    assertTrue(handshake.compareTo(attempt) <= 0, handshake.toString());
    assertTrue(pooled.compareTo(attempt) <= 0, pooled.toString());
  }

  @Test
  void send_afterAResponseClosedHalfRead_theNextRequestGetsItsOwnResponse() throws Exception {
    try (KeepAliveServer server = new KeepAliveServer(64 * 1024);
        SdkHttpClient client = HttpClientSettings.build()) {
      try (InputStream body = send(client, server, "/first").responseBody().orElseThrow()) {
        assertEquals('r', body.read());
      }

      assertEquals(server.body("/second"), bodyOf(send(client, server, "/second")));
      assertEquals(server.body("/third"), bodyOf(send(client, server, "/third")));
    }
  }

  @Test
  void send_afterAnAbortedResponse_theNextRequestGetsItsOwnResponseOnANewConnection() throws Exception {
    try (KeepAliveServer server = new KeepAliveServer(64 * 1024);
        SdkHttpClient client = HttpClientSettings.build()) {
      AbortableInputStream first = send(client, server, "/first").responseBody().orElseThrow();
      first.read(new byte[100]);
      first.abort();

      assertEquals(server.body("/second"), bodyOf(send(client, server, "/second")));
      assertEquals(2, server.connections());
    }
  }

  @Test
  void send_fullyReadResponses_reuseOneConnection() throws Exception {
    try (KeepAliveServer server = new KeepAliveServer(100);
        SdkHttpClient client = HttpClientSettings.build()) {
      assertEquals(server.body("/first"), bodyOf(send(client, server, "/first")));
      assertEquals(server.body("/second"), bodyOf(send(client, server, "/second")));

      assertEquals(1, server.connections());
    }
  }

  static HttpExecuteResponse send(SdkHttpClient client, KeepAliveServer server, String path) throws IOException {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(server.uri(path)).build();
    ExecutableHttpRequest call = client.prepareRequest(HttpExecuteRequest.builder().request(request).build());
    return call.call();
  }

  static String bodyOf(HttpExecuteResponse response) throws IOException {
    try (InputStream body = response.responseBody().orElseThrow()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** What the client resolved from its builder; it has no public accessor. */
  private static AttributeMap resolvedOptions(SdkHttpClient client) throws ReflectiveOperationException {
    Field field = Apache5HttpClient.class.getDeclaredField("resolvedOptions");
    field.setAccessible(true);
    return (AttributeMap) field.get(client);
  }
}
