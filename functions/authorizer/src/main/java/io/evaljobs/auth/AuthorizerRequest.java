package io.evaljobs.auth;

import io.evaljobs.http.RequestAuthorizerEvent;
import java.util.Objects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an API Gateway REQUEST authorizer event the decision needs. Header names are lower-cased, since HTTP
 * header names are case-insensitive; every value seen for a name is kept, from both header maps.
 */
record AuthorizerRequest(String resource, String path, String methodArn, Map<String, List<String>> headers) {
  AuthorizerRequest {
    headers = Map.copyOf(headers);
  }

  /** The resource template API Gateway matched, or the request path when the event carries none. */
  String resourcePath() {
    return resource.isEmpty() ? path : resource;
  }

  /** The distinct values sent under this header name, in any letter case. */
  Set<String> headerValues(String name) {
    return new LinkedHashSet<>(headers.getOrDefault(lowerCase(name), List.of()));
  }

  static String lowerCase(String headerName) {
    return headerName.toLowerCase(Locale.ROOT);
  }

  /** The request {@code event} describes; a field the event lacks reads as empty. */
  static AuthorizerRequest of(RequestAuthorizerEvent event) {
    HeaderCollector headers = new HeaderCollector();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> {
        if (name != null && value != null) {
          headers.add(name, value);
        }
      });
    }
    if (event.getMultiValueHeaders() != null) {
      event.getMultiValueHeaders().forEach((name, values) -> {
        if (name != null && values != null) {
          values.stream().filter(Objects::nonNull).forEach(value -> headers.add(name, value));
        }
      });
    }
    return new AuthorizerRequest(
        Objects.requireNonNullElse(event.getResource(), ""), Objects.requireNonNullElse(event.getPath(), ""),
        Objects.requireNonNullElse(event.getMethodArn(), ""), headers.collected());
  }

  /** Collects header values under their lower-cased names while an event is read. */
  static final class HeaderCollector {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    void add(String name, String value) {
      values.computeIfAbsent(lowerCase(name), n -> new ArrayList<>()).add(value);
    }

    Map<String, List<String>> collected() {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
      return copy;
    }
  }
}
