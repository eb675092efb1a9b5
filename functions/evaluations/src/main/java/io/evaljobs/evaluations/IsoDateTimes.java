package io.evaljobs.evaluations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads ISO 8601 date-times that pin an instant: with {@code Z} or a numeric offset, seconds and up to nine fraction
 * digits optional. A date-time without offset is refused, since it names no instant.
 */
final class IsoDateTimes {
  private IsoDateTimes() {}

  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
