package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.StorableText;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.http.InvalidParameterException.Kind;
import io.evaljobs.http.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates the query parameters of GET /evaluations into a {@link ListEvaluationsRequest}. */
final class EvaluationQueryParser {
  static final int DEFAULT_LIMIT = 25;
  /** The contract's maximum page size; a deployment may configure a lower cap (EVALUATIONS_MAX_LIMIT). */
  static final int MAX_LIMIT = 100;
  /**
   * A sanity bound, far beyond any listing: how deep an integer offset is served depends on the order (see
   * {@link EvaluationPageReader}); tokens reach any depth at the cost of one page.
   */
  static final long MAX_INTEGER_OFFSET = 1_000_000_000;

  private static final List<String> KNOWN =
      List.of(
          "status", "judge_id", "created_after", "created_before", "limit", "offset", "sort_by", "sort_order");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  /** Page tokens are base64url; anything else is a malformed offset, not a token. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String DATE_TIME_EXAMPLE = "2024-01-14T00:00:00Z";

  private final int maxLimit;

  EvaluationQueryParser() {
    this(MAX_LIMIT);
  }

  /** {@code maxLimit}: the largest page a client may ask for, 1 to 100; the default page shrinks to fit. */
  EvaluationQueryParser(int maxLimit) {
    if (maxLimit < 1 || maxLimit > MAX_LIMIT) {
      throw new IllegalArgumentException("maxLimit must be from 1 to " + MAX_LIMIT);
    }
    this.maxLimit = maxLimit;
  }

  ListEvaluationsRequest parse(Map<String, List<String>> given) {
    QueryParameters parameters = new QueryParameters(given);
    for (String name : parameters.names()) {
      if (!KNOWN.contains(name)) {
        throw new InvalidParameterException(
            name, Kind.UNKNOWN, "unknown query parameter " + name + "; allowed: " + String.join(", ", KNOWN),
            Optional.empty());
      }
    }
    Optional<EvaluationStatus> status =
        parameters.single("status").map(value -> EvaluationStatus.fromWire(value)
            .orElseThrow(() -> invalid("status", "status must be one of " + EvaluationStatus.ALLOWED, value)));
    Optional<String> judgeId = parameters.single("judge_id").map(EvaluationQueryParser::judgeId);
    Optional<Instant> after = parameters.single("created_after").map(value -> dateTime("created_after", value));
    Optional<Instant> before = parameters.single("created_before").map(value -> dateTime("created_before", value));
    if (after.isPresent() && before.isPresent() && after.get().isAfter(before.get())) {
      throw new InvalidParameterException(
          "created_after", Kind.CONFLICT, "created_after must not be later than created_before", Optional.empty());
    }
    int limit =
        parameters.single("limit").map(this::limit).orElse(Math.min(DEFAULT_LIMIT, maxLimit));
    PageStart start = parameters.single("offset").map(EvaluationQueryParser::start).orElse(new PageStart.Offset(0));
    SortField sortBy =
        parameters.single("sort_by").map(value -> SortField.fromWire(value)
            .orElseThrow(() -> invalid("sort_by", "sort_by must be one of " + SortField.ALLOWED, value)))
            .orElse(SortField.CREATED_AT);
    SortOrder sortOrder =
        parameters.single("sort_order").map(value -> SortOrder.fromWire(value)
            .orElseThrow(() -> invalid("sort_order", "sort_order must be one of " + SortOrder.ALLOWED, value)))
            .orElse(SortOrder.DESC);
    return new ListEvaluationsRequest(
        new EvaluationQuery(status, judgeId, after, before, sortBy, sortOrder), limit, start);
  }

  /**
   * The judge id goes into a partition key, so DynamoDB's rules are checked here, where breaking them is the client's
   * 400 and not the store's refusal: well-formed Unicode (a lone UTF-16 surrogate has no UTF-8 form) and no longer
   * than any stored id, which keeps the joined key far below DynamoDB's 2048 bytes.
   */
  private static String judgeId(String value) {
    if (!StorableText.isWellFormed(value) || value.isEmpty()
        || StorableText.utf8Length(value) > EvaluationJob.MAX_ID_BYTES) {
      throw new InvalidParameterException(
          "judge_id", Kind.INVALID_VALUE,
          "judge_id must be 1 to " + EvaluationJob.MAX_ID_BYTES + " UTF-8 bytes of well-formed Unicode",
          Optional.of(value));
    }
    return value;
  }

  private static Instant dateTime(String name, String value) {
    return IsoDateTimes.parse(value)
        .orElseThrow(() -> new InvalidParameterException(
            name, Kind.INVALID_DATETIME,
            name + " must be an ISO 8601 date or date-time, UTC unless it has Z or an offset, such as " + DATE_TIME_EXAMPLE,
            Optional.of(value)));
  }

  private int limit(String value) {
    String message = "limit must be an integer from 1 to " + maxLimit;
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidParameterException("limit", Kind.INVALID_INTEGER, message, Optional.of(value));
    }
    long limit = parseBounded(value);
    if (limit < 1 || limit > maxLimit) {
      throw new InvalidParameterException("limit", Kind.OUT_OF_RANGE, message, Optional.of(value));
    }
    return (int) limit;
  }

  private static PageStart start(String value) {
    if (!INTEGER.matcher(value).matches() && !TOKEN.matcher(value).matches()) {
      throw new InvalidParameterException(
          "offset", Kind.INVALID_INTEGER, "offset must be an integer from 0 to " + MAX_INTEGER_OFFSET
              + " or a pagination.next_offset / previous_offset token", Optional.of(value));
    }
    if (!INTEGER.matcher(value).matches()) {
      return new PageStart.Token(value);
    }
    long offset = parseBounded(value);
    if (offset < 0 || offset > MAX_INTEGER_OFFSET) {
      throw new InvalidParameterException(
          "offset", Kind.OUT_OF_RANGE, "offset must be an integer from 0 to " + MAX_INTEGER_OFFSET
              + "; to page, pass the pagination.next_offset token of the previous page as offset",
          Optional.of(value));
    }
    return new PageStart.Offset(offset);
  }

  /** The integer's value, saturated so that a hundred-digit number is simply out of range. */
  private static long parseBounded(String digits) {
    String unsigned = digits.startsWith("-") ? digits.substring(1) : digits;
    String trimmed = unsigned.replaceFirst("^0+(?=.)", "");
    long magnitude = trimmed.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmed);
    return digits.startsWith("-") ? -magnitude : magnitude;
  }

  private static InvalidParameterException invalid(String name, String message, String value) {
    return new InvalidParameterException(name, Kind.INVALID_VALUE, message, Optional.of(value));
  }
}
