package io.evaljobs.evaluations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lifecycle state of an evaluation job, with the lowercase name the API uses for it. */
public enum EvaluationStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The allowed wire names, for error messages. */
  public static final String ALLOWED = Arrays.stream(values()).map(EvaluationStatus::wireName).collect(Collectors.joining(", "));

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status spelled exactly as the API spells it; empty for anything else (case matters). */
  public static Optional<EvaluationStatus> fromWire(String wireName) {
    for (EvaluationStatus status : values()) {
      if (status.wireName().equals(wireName)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
