package io.evaljobs.scoring;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle state of a scoring job, as the API names it. */
public enum ScoringStatus {
  SUBMITTED,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  NOT_RUN;

  /** The name on the wire and in storage, e.g. {@code in_progress}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ScoringStatus> fromWireName(String name) {
    for (ScoringStatus status : values()) {
      if (status.wireName().equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
