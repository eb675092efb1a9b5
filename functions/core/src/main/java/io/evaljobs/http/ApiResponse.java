package io.evaljobs.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An API Gateway proxy response: status, headers and a JSON body, kept as the UTF-8 bytes a page is written as (the
 * local API serves them as they are; {@link ProxyResponses} turns them into the proxy event's string body).
 *
 * <p>Every response carries {@link #TENANT_HEADERS}: a page is one tenant's data, which no shared cache may keep
 * and no browser may read as anything but JSON.
 */
public final class ApiResponse {
  /** The headers of every response, in the order they are set; a caller's header of the same name replaces one. */
  public static final Map<String, String> TENANT_HEADERS =
      orderedOf("Content-Type", "application/json", "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");

  private final int statusCode;
  private final Map<String, String> headers;
  private final byte[] body;

  public ApiResponse(int statusCode, Map<String, String> headers, String body) {
    this(statusCode, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse(int statusCode, Map<String, String> headers, byte[] body) {
    Map<String, String> copy = new LinkedHashMap<>(TENANT_HEADERS);
    copy.putAll(headers);
    this.statusCode = statusCode;
    this.headers = Map.copyOf(copy);
    this.body = body;
  }

  private static Map<String, String> orderedOf(String... namesAndValues) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      ordered.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(ordered);
  }

  public static ApiResponse json(int statusCode, String body) {
    return new ApiResponse(statusCode, Map.of(), body);
  }

  /** A body written straight to UTF-8, as a page is: no string is made of it. */
  public static ApiResponse json(int statusCode, Json.Body body) {
    return new ApiResponse(statusCode, Map.of(), Json.writeUtf8(body));
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(statusCode, more, body);
  }

  public int statusCode() {
    return statusCode;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public byte[] bodyBytes() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiResponse that
        && statusCode == that.statusCode
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ApiResponse[statusCode=" + statusCode + ", headers=" + headers + ", body=" + body() + "]";
  }
}
