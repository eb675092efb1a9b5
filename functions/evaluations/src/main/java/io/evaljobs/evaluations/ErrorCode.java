package io.evaljobs.evaluations;

/**
 * Every {@code error} value this function answers with, and its HTTP status. {@link EvaluationsErrorDialect} writes only
 * these, so the list is complete by construction; a test holds evaluations.json to it.
 */
enum ErrorCode {
  INVALID_PARAMETER(400, "invalid_parameter"),
  UNKNOWN_PARAMETER(400, "unknown_parameter"),
  INVALID_PAGE_TOKEN(400, "invalid_page_token"),
  BAD_REQUEST(400, "bad_request"),
  UNAUTHORIZED(401, "unauthorized"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  INTERNAL_ERROR(500, "internal_error"),
  SERVICE_UNAVAILABLE(503, "service_unavailable");

  private final int status;
  private final String wireName;

  ErrorCode(int status, String wireName) {
    this.status = status;
    this.wireName = wireName;
  }

  int status() {
    return status;
  }

  String wireName() {
    return wireName;
  }
}
