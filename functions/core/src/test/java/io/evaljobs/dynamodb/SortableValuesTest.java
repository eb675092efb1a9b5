package io.evaljobs.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
}
