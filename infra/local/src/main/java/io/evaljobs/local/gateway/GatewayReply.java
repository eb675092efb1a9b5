package io.evaljobs.local.gateway;

import io.evaljobs.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway answers the HTTP client: status, headers (each with all its values) and body bytes. */
public record GatewayReply(int statusCode, Map<String, List<String>> headers, byte[] body) {

  public GatewayReply {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  static GatewayReply of(ApiResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    return new GatewayReply(response.statusCode(), headers, response.bodyBytes());
  }

  GatewayReply withHeader(String name, String value) {
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    more.put(name, List.of(value));
    return new GatewayReply(statusCode, more, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
