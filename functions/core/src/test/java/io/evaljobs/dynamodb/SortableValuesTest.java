package io.evaljobs.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortableValuesTest {
  private static final Random RANDOM = new Random(11);

  private static int bytewise(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decimal_byteOrder_isNumericOrder() {
    double[] specials = {-Double.MAX_VALUE, -1e300, -1.5, -0.0, 0.0, Double.MIN_VALUE, 0.1, 1, 99.99, 100, 1e300};
    for (int i = 0; i < 50_000; i++) {
      double a = i < specials.length ? specials[i] : RANDOM.nextGaussian() * Math.pow(10, RANDOM.nextInt(20) - 10);
      double b = specials[RANDOM.nextInt(specials.length)] + (RANDOM.nextBoolean() ? RANDOM.nextDouble() : 0);
      assertEquals(Integer.signum(Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b)),
          Integer.signum(bytewise(SortableValues.decimal(a), SortableValues.decimal(b))), a + " vs " + b);
    }
    assertThrows(IllegalArgumentException.class, () -> SortableValues.decimal(Double.NaN));
  }

  @Test
  void integer_byteOrder_isNumericOrder() {
    long[] specials = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
    for (int i = 0; i < 50_000; i++) {
      long a = i < specials.length ? specials[i] : RANDOM.nextLong() >> RANDOM.nextInt(64);
      long b = RANDOM.nextLong() >> RANDOM.nextInt(64);
      assertEquals(Integer.signum(Long.compare(a, b)),
          Integer.signum(bytewise(SortableValues.integer(a), SortableValues.integer(b))));
    }
  }

  @Test
  void timestamp_byteOrder_isTimeOrder_andWidthIsFixed() {
    long min = SortableValues.MIN_INSTANT.getEpochSecond();
    long max = SortableValues.MAX_INSTANT.getEpochSecond();
    for (int i = 0; i < 50_000; i++) {
      Instant a = Instant.ofEpochSecond(min + (long) (RANDOM.nextDouble() * (max - min)), RANDOM.nextInt(1_000_000_000));
      Instant b = RANDOM.nextBoolean() ? a.plusNanos(RANDOM.nextInt(3) - 1)
          : Instant.ofEpochSecond(min + (long) (RANDOM.nextDouble() * (max - min)), RANDOM.nextInt(1_000_000_000));
      String ea = SortableValues.timestamp(a);
      assertEquals(30, ea.length());
      assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(bytewise(ea, SortableValues.timestamp(b))));
    }
    assertThrows(IllegalArgumentException.class, () -> SortableValues.timestamp(Instant.parse("+10000-01-01T00:00:00Z")));
  }

  @Test
  void parseTimestamp_ofWrittenTimestamps_givesTheInstantBack() {
    long lowest = SortableValues.MIN_INSTANT.getEpochSecond();
    long highest = SortableValues.MAX_INSTANT.getEpochSecond();
    for (int i = 0; i < 50_000; i++) {
      long second = lowest + (long) (RANDOM.nextDouble() * (highest - lowest));
      Instant instant = Instant.ofEpochSecond(second, RANDOM.nextInt(1_000_000_000));
      assertEquals(instant, SortableValues.parseTimestamp(SortableValues.timestamp(instant)));
    }
    assertEquals(SortableValues.MIN_INSTANT,
        SortableValues.parseTimestamp(SortableValues.timestamp(SortableValues.MIN_INSTANT)));
    assertEquals(SortableValues.MAX_INSTANT,
        SortableValues.parseTimestamp(SortableValues.timestamp(SortableValues.MAX_INSTANT)));
  }

  /** What {@link Instant#toString} writes: no fraction, or three, six or nine digits of it. */
  @Test
  void parseTimestamp_ofInstantToString_givesTheInstantBack() {
    long lowest = SortableValues.MIN_INSTANT.getEpochSecond();
    long highest = SortableValues.MAX_INSTANT.getEpochSecond();
    int[] units = {1_000_000_000, 1_000_000, 1_000, 1};
    for (int i = 0; i < 50_000; i++) {
      long second = lowest + (long) (RANDOM.nextDouble() * (highest - lowest));
      int unit = units[RANDOM.nextInt(units.length)];
      Instant instant = Instant.ofEpochSecond(second, RANDOM.nextInt(1_000_000_000) / unit * unit);
      assertEquals(instant, SortableValues.parseTimestamp(instant.toString()), instant.toString());
    }
  }

  /** The oracle is the ISO-8601 parser: same instant where it reads one, an error where it refuses the text. */
  @Test
  void parseTimestamp_ofAnyText_agreesWithTheIsoParser() {
    String[] seeds = {
      "2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00.000000000Z", "2024-04-31T00:00:00.000000000Z",
      "2024-13-01T00:00:00.000000000Z", "2024-00-10T00:00:00.000000000Z", "2024-01-01T24:00:00.000000000Z",
      "2024-01-01T23:60:00.000000000Z", "2024-01-01T23:59:60.000000000Z", "2024-01-01T00:00:00Z",
      "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00.000000000+01:00", "0000-01-01T00:00:00.000000000Z",
      "2024-01-01 00:00:00.000000000Z", "2024-01-01T00:00:00.000000000z", "",
      "2024-01-01T00:00:00.123Z", "2024-06-30T12:34:56.123456Z", "2024-01-01T00:00:00.Z",
      "2024-01-01T00:00:00.1234567890Z", "2023-02-29T00:00:00Z", "2024-01-01T00:00:60Z",
    };
    String alphabet = "0123456789-T:.Z+ z";
    for (int i = 0; i < 100_000; i++) {
      char[] text = seeds[RANDOM.nextInt(seeds.length)].toCharArray();
      for (int edits = RANDOM.nextInt(3); edits > 0 && text.length > 0; edits--) {
        text[RANDOM.nextInt(text.length)] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
      }
      String candidate = new String(text);
      Instant expected;
      try {
        expected = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(candidate));
      } catch (DateTimeParseException e) {
        assertThrows(DateTimeParseException.class, () -> SortableValues.parseTimestamp(candidate), candidate);
        continue;
      }
      assertEquals(expected, SortableValues.parseTimestamp(candidate), candidate);
    }
  }
}
