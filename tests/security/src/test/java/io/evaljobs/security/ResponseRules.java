package io.evaljobs.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.contract.ContractValidator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every response of a list API must satisfy whatever the input: no server error, no internals, and errors in
 * the API's own dialect. Returns the first violation, so a fuzz loop can report it with its seed and case.
 */
final class ResponseRules {
  /** Text that would only appear if a stack trace, an internal class or a physical table leaked into a body. */
  private static final List<String> INTERNALS =
      List.of(
          "exception", "at io.evaljobs", "java.", "software.amazon", "io.evaljobs", "evaluationstable",
          "scoringjobstable", "apikeystable", "status-judge-", "tenant-created", "org_status_pk", "created_sk",
          "dynamodb");

  private ResponseRules() {}

  static Optional<String> evaluationsViolation(ProxyResponse response) {
    Optional<String> common = commonViolation(response).or(() -> contractViolation(ContractValidator.evaluations(), response));
    if (common.isPresent()) {
      return common;
    }
    if (response.status() == 200) {
      JsonNode body = response.json();
      return body.isObject() && body.path("jobs").isArray() && body.path("pagination").isObject()
          ? Optional.empty()
          : Optional.of("200 body is not a job page");
    }
    JsonNode body = response.json();
    if (!body.isObject() || !body.path("error").isTextual() || !body.path("message").isTextual()) {
      return Optional.of("error body is not {error, message}");
    }
    return Optional.empty();
  }

  static Optional<String> scoringViolation(ProxyResponse response) {
    Optional<String> common = commonViolation(response).or(() -> contractViolation(ContractValidator.scoringJobs(), response));
    if (common.isPresent()) {
      return common;
    }
    JsonNode body = response.json();
    if (response.status() == 200) {
      return body.isArray() ? Optional.empty() : Optional.of("200 body is not a job array");
    }
    if (!body.isObject() || !body.has("detail")) {
      return Optional.of("error body has no detail");
    }
    JsonNode detail = body.get("detail");
    if (response.status() == 422) {
      if (!detail.isArray() || detail.isEmpty()) {
        return Optional.of("422 detail is not a non-empty array");
      }
      for (JsonNode entry : detail) {
        if (!entry.path("type").isTextual() || !entry.path("msg").isTextual() || !entry.path("loc").isArray()) {
          return Optional.of("422 detail entry lacks type, loc or msg");
        }
      }
      return Optional.empty();
    }
    return detail.isTextual() ? Optional.empty() : Optional.of("detail is not a string");
  }

  /** The response against the API's OpenAPI document (docs/openapi), the same check every other suite makes. */
  private static Optional<String> contractViolation(ContractValidator contract, ProxyResponse response) {
    try {
      contract.assertValid(response.status(), response.headers(), response.body());
      return Optional.empty();
    } catch (AssertionError e) {
      return Optional.of("outside the OpenAPI contract: " + e.getMessage());
    }
  }

  private static Optional<String> commonViolation(ProxyResponse response) {
    if (response.status() >= 500 || response.status() < 200) {
      return Optional.of("status " + response.status());
    }
    if (response.status() != 200) {
      String lower = response.body().toLowerCase(Locale.ROOT);
      for (String internal : INTERNALS) {
        if (lower.contains(internal)) {
          return Optional.of("error body reveals '" + internal + "'");
        }
      }
    }
    if (!response.header("Content-Type").orElse("").startsWith("application/json")) {
      return Optional.of("Content-Type is not JSON");
    }
    // One tenant's data: no shared cache may keep it, no browser may sniff it into something else.
    if (!response.header("Cache-Control").equals(Optional.of("no-store"))) {
      return Optional.of("Cache-Control is not no-store: " + response.header("Cache-Control"));
    }
    if (!response.header("X-Content-Type-Options").equals(Optional.of("nosniff"))) {
      return Optional.of("X-Content-Type-Options is not nosniff");
    }
    return Optional.empty();
  }
}
