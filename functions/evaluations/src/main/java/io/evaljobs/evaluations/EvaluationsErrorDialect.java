package io.evaljobs.evaluations;

import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.http.Json;
import io.evaljobs.http.MethodNotAllowedException;
import io.evaljobs.http.UnauthenticatedException;
import io.evaljobs.listing.ErrorDialect;
import io.evaljobs.observability.StoreFailures;
import io.evaljobs.paging.InvalidPageTokenException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/** The one translation of failures into this API's error dialect: {@code {"error", "message", "parameter"?}}. */
enum EvaluationsErrorDialect implements ErrorDialect {
  INSTANCE;

  static final String INVALID_TOKEN_MESSAGE =
      "offset is not a valid page token: pass pagination.next_offset or previous_offset of an earlier response "
          + "unchanged, with the same filters and sort";

  @Override
  public ApiResponse toResponse(RuntimeException failure) {
    if (failure instanceof InvalidParameterException) {
      InvalidParameterException invalid = (InvalidParameterException) failure;
      ErrorCode code =
          invalid.kind() == InvalidParameterException.Kind.UNKNOWN
              ? ErrorCode.UNKNOWN_PARAMETER
              : ErrorCode.INVALID_PARAMETER;
      return error(code, invalid.getMessage(), Optional.of(invalid.parameter()));
    }
    if (failure instanceof InvalidPageTokenException) {
      return error(ErrorCode.INVALID_PAGE_TOKEN, INVALID_TOKEN_MESSAGE, Optional.of("offset"));
    }
    if (failure instanceof UnauthenticatedException) {
      return error(ErrorCode.UNAUTHORIZED, "a valid X-API-Key header is required", Optional.empty());
    }
    if (failure instanceof MethodNotAllowedException notAllowed) {
      return error(
              ErrorCode.METHOD_NOT_ALLOWED, "only " + notAllowed.allowed() + " is allowed on /evaluations",
              Optional.empty())
          .withHeader("Allow", notAllowed.allowed());
    }
    if (failure instanceof SdkException && StoreFailures.isTransient(failure)) {
      return error(ErrorCode.SERVICE_UNAVAILABLE, "the job store is unavailable, retry shortly", Optional.empty())
          .withHeader("Retry-After", "1");
    }
    return error(ErrorCode.INTERNAL_ERROR, "the request failed unexpectedly", Optional.empty());
  }

  @Override
  public ApiResponse unreadableEvent() {
    return error(ErrorCode.BAD_REQUEST, "the request could not be read", Optional.empty());
  }

  private static ApiResponse error(ErrorCode code, String message, Optional<String> parameter) {
    return ApiResponse.json(code.status(), Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("error", code.wireName());
      json.writeStringField("message", message);
      if (parameter.isPresent()) {
        json.writeStringField("parameter", parameter.get());
      }
      json.writeEndObject();
    }));
  }
}
