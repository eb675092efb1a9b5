package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class RequestEncoderTest {

  @Test
  void encode_signedHostHeader_isSentAsSignedAndNotRepeated() {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(URI.create("https://dynamodb.eu-west-1.amazonaws.com/"))
            .method(SdkHttpMethod.POST)
            .putHeader("Host", "dynamodb.eu-west-1.amazonaws.com")
            .build();

    String encoded = encode(request, "{}");

    assertEquals(
        "POST / HTTP/1.1\r\nHost: dynamodb.eu-west-1.amazonaws.com\r\nContent-Length: 2\r\n\r\n{}", encoded);
  }

  @Test
  void encode_pathAndQuery_keepTheirEncoding() {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(URI.create("http://127.0.0.1:8000/a%20b?x=1%2F2"))
            .method(SdkHttpMethod.GET)
            .build();

    assertEquals("GET /a%20b?x=1%2F2 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n", encode(request, ""));
  }

  @Test
  void encode_headerValueWithLineBreak_isRefused() {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(URI.create("http://127.0.0.1:8000/"))
            .method(SdkHttpMethod.POST)
            .putHeader("X-Injected", "a\r\nEvil: 1")
            .build();

    assertThrows(IllegalArgumentException.class, () -> encode(request, ""));
  }

  @Test
  void encode_postWithoutBody_statesAZeroLength() {
    SdkHttpRequest request =
        SdkHttpRequest.builder().uri(URI.create("http://127.0.0.1:8000/")).method(SdkHttpMethod.POST).build();

    assertEquals("POST / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nContent-Length: 0\r\n\r\n", encode(request, ""));
  }

  private static String encode(SdkHttpRequest request, String body) {
    byte[] encoded = RequestEncoder.encode(request, Route.of(request), body.getBytes(StandardCharsets.UTF_8));
    return new String(encoded, StandardCharsets.ISO_8859_1);
  }
}
