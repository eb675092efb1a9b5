package io.evaljobs.local.gateway;

import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.Json;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One gateway response of a REST API as template.yaml declares it: an optional fixed status, static headers and an
 * application/json body template, in which {@code $context.error.messageString} is the quoted error message.
 */
record GatewayResponse(OptionalInt statusCode, Map<String, String> headers, String bodyTemplate) {
  private static final String MESSAGE_STRING = "$context.error.messageString";

  GatewayResponse {
    headers = Map.copyOf(headers);
  }

  /** The response for an error of {@code defaultStatus} (used when the template fixes none) and {@code message}. */
  ApiResponse render(int defaultStatus, String message) {
    String quoted = Json.write(json -> json.writeString(message));
    return new ApiResponse(statusCode.orElse(defaultStatus), headers, bodyTemplate.replace(MESSAGE_STRING, quoted));
  }
}
