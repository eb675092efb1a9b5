package io.evaljobs.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway proxy response: status, headers and a JSON body. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

  public ApiResponse {
    Map<String, String> copy = new LinkedHashMap<>();
    copy.put("Content-Type", "application/json");
    copy.putAll(headers);
    headers = Map.copyOf(copy);
  }

  public static ApiResponse json(int statusCode, String body) {
    return new ApiResponse(statusCode, Map.of(), body);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(statusCode, more, body);
  }
}
