package io.evaljobs.dynamodb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Encodes values as strings whose byte order is their natural order, so that they can stand in a string sort key:
 * fixed-width UTC timestamps and fixed-width hexadecimal numbers.
 */
public final class SortableValues {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Up to the seconds; a fraction and the zone designator follow. */
  private static final String SECONDS_SHAPE = "9999-99-99T99:99:99";

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
  private static final long SECONDS_PER_DAY = 86_400;

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

  /**
   * The instant of a stored timestamp. UTC timestamps to the second with a fraction of up to nine digits or none, as
   * {@link #timestamp} and {@link Instant#toString} write them, are read field by field; anything else (an item
   * another writer stored) goes through the ISO-8601 parser, so the answer and the errors are those of
   * {@link DateTimeFormatter#ISO_INSTANT}, which allocates far more per value than a page can afford.
   *
   * @throws DateTimeParseException for text that is no ISO-8601 instant
   */
  public static Instant parseTimestamp(String text) {
    int zone = text.length() - 1;
    int fractionStart = SECONDS_SHAPE.length() + 1;
    boolean wholeSeconds = zone == SECONDS_SHAPE.length();
    int fractionDigits = wholeSeconds ? 0 : zone - fractionStart;
    boolean utcShape =
        zone >= SECONDS_SHAPE.length()
            && hasShape(text, SECONDS_SHAPE)
            && text.charAt(zone) == 'Z'
            && (wholeSeconds
                || fractionDigits >= 1 && fractionDigits <= 9 && text.charAt(SECONDS_SHAPE.length()) == '.'
                    && allDigits(text, fractionStart, zone));
    if (utcShape) {
      int second = digits(text, 17, 19);
      int minute = digits(text, 14, 16);
      int hour = digits(text, 11, 13);
      if (second < 60 && minute < 60 && hour < 24) {
        int nanos = wholeSeconds ? 0 : digits(text, fractionStart, zone) * POWERS_OF_TEN[9 - fractionDigits];
        try {
          long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
          return Instant.ofEpochSecond(day * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
          // No such date (e.g. February 30th): the ISO parser below names what is wrong.
        }
      }
    }
    return Instant.from(DateTimeFormatter.ISO_INSTANT.parse(text));
  }

  private static boolean hasShape(String text, String shape) {
    for (int i = 0; i < shape.length(); i++) {
      char c = text.charAt(i);
      char expected = shape.charAt(i);
      if (expected == '9' ? c < '0' || c > '9' : c != expected) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
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
