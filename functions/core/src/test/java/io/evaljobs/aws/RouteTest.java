package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class RouteTest {

  @Test
  void hostHeader_defaultPort_isLeftOut() {
    assertEquals("dynamodb.us-east-1.amazonaws.com", route("https://dynamodb.us-east-1.amazonaws.com/").hostHeader());
    assertEquals("localhost", route("http://localhost/").hostHeader());
  }

  @Test
  void hostHeader_otherPort_isNamed() {
    assertEquals("localhost:8000", route("http://localhost:8000/").hostHeader());
    assertEquals(new Route(true, "example.com", 8443), route("https://example.com:8443/"));
  }

  @Test
  void connectHost_ipv6Literal_losesItsBrackets() {
    assertEquals("::1", route("http://[::1]:8000/").connectHost());
  }

  @Test
  void of_otherScheme_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> route("ftp://example.com/"));
  }

  private static Route route(String uri) {
    return Route.of(SdkHttpRequest.builder().uri(URI.create(uri)).method(SdkHttpMethod.GET).build());
  }
}
