package io.evaljobs.evaluations;

import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.http.Json;
import io.evaljobs.http.MalformedEventException;
import io.evaljobs.paging.InvalidPageTokenException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/** The one translation of failures into this API's error dialect: {@code {"error", "message", "parameter"?}}. */
final class ErrorResponses {
  static final String INVALID_TOKEN_MESSAGE =
      "offset is not a valid page token: pass pagination.next_offset or previous_offset of an earlier response "
          + "unchanged, with the same filters and sort";

  private ErrorResponses() {}

  static ApiResponse of(RuntimeException failure) {
    if (failure instanceof InvalidParameterException) {
      InvalidParameterException invalid = (InvalidParameterException) failure;
      String error =
          invalid.kind() == InvalidParameterException.Kind.UNKNOWN ? "unknown_parameter" : "invalid_parameter";
      return error(400, error, invalid.getMessage(), Optional.of(invalid.parameter()));
    }
    if (failure instanceof InvalidPageTokenException) {
      return error(400, "invalid_page_token", INVALID_TOKEN_MESSAGE, Optional.of("offset"));
    }
    if (failure instanceof MalformedEventException) {
      return error(400, "bad_request", "the request could not be read", Optional.empty());
    }
    if (failure instanceof MissingTenantException) {
      return error(401, "unauthorized", "a valid X-API-Key header is required", Optional.empty());
    }
    if (failure instanceof MethodNotAllowedException) {
      return error(405, "method_not_allowed", "only GET is allowed on /evaluations", Optional.empty())
          .withHeader("Allow", "GET");
    }
    if (failure instanceof SdkException) {
      return error(503, "service_unavailable", "the job store is unavailable, retry shortly", Optional.empty())
          .withHeader("Retry-After", "1");
    }
    return error(500, "internal_error", "the request failed unexpectedly", Optional.empty());
  }

  private static ApiResponse error(int status, String error, String message, Optional<String> parameter) {
    return ApiResponse.json(status, Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("error", error);
      json.writeStringField("message", message);
      if (parameter.isPresent()) {
        json.writeStringField("parameter", parameter.get());
      }
      json.writeEndObject();
    }));
  }
}
