package io.evaljobs.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.Json;
import io.evaljobs.http.MethodNotAllowedException;
import io.evaljobs.http.UnauthenticatedException;
import io.evaljobs.listing.ErrorDialect;
import io.evaljobs.observability.StoreFailures;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place that turns this function's typed failures into FastAPI's error responses. */
enum ScoringJobsErrorDialect implements ErrorDialect {
  INSTANCE;

  static final String RETRY_AFTER_SECONDS = "1";

  @Override
  public ApiResponse toResponse(RuntimeException failure) {
    if (failure instanceof InvalidQueryException invalid) {
      return ApiResponse.json(422, Json.write(json -> writeValidationErrors(json, invalid)));
    }
    if (failure instanceof UnauthenticatedException) {
      return detail(401, "Invalid or missing API key");
    }
    if (failure instanceof MethodNotAllowedException notAllowed) {
      return detail(405, "Method Not Allowed").withHeader("Allow", notAllowed.allowed());
    }
    if (failure instanceof SdkException && StoreFailures.isTransient(failure)) {
      return detail(503, "Service temporarily unavailable").withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    return detail(500, "Internal Server Error");
  }

  @Override
  public ApiResponse unreadableEvent() {
    return detail(400, "Bad Request");
  }

  private static ApiResponse detail(int status, String message) {
    return ApiResponse.json(status, Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("detail", message);
      json.writeEndObject();
    }));
  }

  private static void writeValidationErrors(JsonGenerator json, InvalidQueryException invalid) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("detail");
    for (ParameterViolation violation : invalid.violations()) {
      json.writeStartObject();
      json.writeStringField("type", type(violation));
      json.writeArrayFieldStart("loc");
      json.writeString("query");
      json.writeString(violation.parameter());
      json.writeEndArray();
      json.writeStringField("msg", message(violation));
      json.writeStringField("input", violation.input());
      writeContext(json, violation);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static String type(ParameterViolation violation) {
    switch (violation.problem()) {
      case NOT_AN_INTEGER:
        return "int_parsing";
      case INTEGER_TOO_LONG:
        return "int_parsing_size";
      case TOO_SMALL:
        return "greater_than_equal";
      case TOO_LARGE:
        return "less_than_equal";
      default:
        return "value_error";
    }
  }

  private static String message(ParameterViolation violation) {
    switch (violation.problem()) {
      case NOT_AN_INTEGER:
        return "Input should be a valid integer, unable to parse string as an integer";
      case INTEGER_TOO_LONG:
        return "Unable to parse input string as an integer, exceeded maximum size";
      case TOO_SMALL:
        return "Input should be greater than or equal to " + violation.bound().orElseThrow();
      case TOO_LARGE:
        return "Input should be less than or equal to " + violation.bound().orElseThrow();
      default:
        return "Value error, invalid or expired page token";
    }
  }

  /** pydantic's ctx: the bound for range errors; for a ValueError, the exception, which FastAPI encodes as {}. */
  private static void writeContext(JsonGenerator json, ParameterViolation violation) throws IOException {
    switch (violation.problem()) {
      case TOO_SMALL:
        json.writeObjectFieldStart("ctx");
        json.writeNumberField("ge", violation.bound().orElseThrow());
        json.writeEndObject();
        break;
      case TOO_LARGE:
        json.writeObjectFieldStart("ctx");
        json.writeNumberField("le", violation.bound().orElseThrow());
        json.writeEndObject();
        break;
      case INVALID_PAGE_TOKEN:
        json.writeObjectFieldStart("ctx");
        json.writeObjectFieldStart("error");
        json.writeEndObject();
        json.writeEndObject();
        break;
      default:
        break;
    }
  }
}
