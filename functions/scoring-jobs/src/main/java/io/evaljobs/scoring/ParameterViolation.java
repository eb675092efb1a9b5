package io.evaljobs.scoring;

import java.util.OptionalLong;

/**
 * One query parameter the client got wrong, as the validation error list reports it.
 *
 * @param bound the violated limit, for {@code TOO_SMALL} and {@code TOO_LARGE}
 */
record ParameterViolation(Problem problem, String parameter, String input, OptionalLong bound) {

  /** What was wrong; each maps to one pydantic error type. */
  enum Problem {
    NOT_AN_INTEGER,
    INTEGER_TOO_LONG,
    TOO_SMALL,
    TOO_LARGE,
    INVALID_PAGE_TOKEN
  }
}
