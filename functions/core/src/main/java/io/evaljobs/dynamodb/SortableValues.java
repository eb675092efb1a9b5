package io.evaljobs.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Encodes values as strings whose byte order is their natural order, so that they can stand in a string sort key:
 * fixed-width UTC timestamps and fixed-width hexadecimal numbers.
 */
public final class SortableValues {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Earliest and latest instants a stored timestamp may hold (four-digit years). */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private SortableValues() {}

  /** Always 30 characters, e.g. 2024-01-14T00:00:00.000000000Z; only for instants in [MIN_INSTANT, MAX_INSTANT]. */
  public static String timestamp(Instant instant) {
    if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
      throw new IllegalArgumentException("timestamp out of the storable range: " + instant);
    }
    return TIMESTAMP.format(instant);
  }

  public static Instant clamp(Instant instant) {
    return instant.isBefore(MIN_INSTANT) ? MIN_INSTANT : instant.isAfter(MAX_INSTANT) ? MAX_INSTANT : instant;
  }

  /** 16 hex digits ordering like the signed value. */
  public static String integer(long value) {
    return hex16(value ^ Long.MIN_VALUE);
  }

  /** 16 hex digits ordering like the number; -0.0 is 0.0, NaN is refused. */
  public static String decimal(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("NaN has no order");
    }
    long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
    return hex16(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
  }

  private static String hex16(long bits) {
    String hex = Long.toHexString(bits);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
