package io.evaljobs.scoring;

import java.util.List;

/** The request's query parameters failed validation, for every reason listed. */
final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ParameterViolation> violations;

  InvalidQueryException(List<ParameterViolation> violations) {
    super(violations.size() + " invalid query parameter(s)");
    this.violations = List.copyOf(violations);
  }

  List<ParameterViolation> violations() {
    return violations;
  }
}
