package io.evaljobs.evaluations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Reads the ISO 8601 date-times client libraries write: {@code Z} or a numeric offset with or without colon
 * ({@code +00:00}, {@code +0000}), seconds and up to nine fraction digits optional. A date-time without offset and a
 * bare date are read as UTC, a bare date as its midnight: that is what Python's {@code isoformat()} of a naive value
 * and a date picker send, and UTC is the only zone this API speaks.
 */
public final class IsoDateTimes {
  /** {@code 2024-01-14T00:00:00+0000}: the offset without colon, as strftime's {@code %z} writes it. */
  private static final DateTimeFormatter BASIC_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHMM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private IsoDateTimes() {}

  public static Optional<Instant> parse(String text) {
    // Tried from the most common form on, so that a client writing Z never pays for a refused attempt.
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // another form
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, BASIC_OFFSET).toInstant());
    } catch (DateTimeParseException e) {
      // another form
    }
    try {
      return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // another form
    }
    try {
      return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC)
          .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
