package io.evaljobs.local.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it reaches the gateway: method, the path and raw query string as sent, the headers with all
 * their values in arrival order, and the caller's address.
 */
public record IncomingRequest(
    String httpMethod, String path, Optional<String> rawQuery, Map<String, List<String>> headers, String sourceIp) {

  public IncomingRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** All values of a header, matched case-insensitively. */
  List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    headers.forEach((key, list) -> {
      if (key.equalsIgnoreCase(name)) {
        values.addAll(list);
      }
    });
    return values;
  }

  /** Headers by case-insensitive name, as API Gateway merges them. */
  Map<String, List<String>> mergedHeaders() {
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    Map<String, List<String>> out = new LinkedHashMap<>();
    merged.forEach((name, values) -> out.put(name, List.copyOf(values)));
    return out;
  }
}
