package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void percentile_randomSamples_matchesCountingOracle() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      long[] values = new long[1 + random.nextInt(300)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(50);
      }
      Samples samples = Samples.of(values);
      for (double percent : new double[] {0.1, 1, 25, 50, 90, 99, 99.9, 100}) {
        long answer = samples.percentile(percent);
        // Oracle from the definition: at least percent% of the values are <= answer, fewer are < answer.
        long atOrBelow = 0;
        long below = 0;
        for (long v : values) {
          atOrBelow += v <= answer ? 1 : 0;
          below += v < answer ? 1 : 0;
        }
        double needed = percent / 100.0 * values.length;
        assertEquals(true, atOrBelow >= needed - 1e-9, "too few at or below for p" + percent);
        assertEquals(true, below < needed - 1e-9 || below == 0 && needed <= 0, "a smaller value qualifies for p" + percent);
      }
    }
  }

  @Test
  void median_oddAndEvenCounts_returnsMiddleOrMeanOfMiddles() {
    assertEquals(3.0, Samples.of(5, 1, 3).median());
    assertEquals(2.5, Samples.of(4, 1, 3, 2).median());
    assertEquals(7.0, Samples.of(7).median());
  }

  @Test
  void percentile_hundred_returnsMaximumAndOneSampleReturnsIt() {
    assertEquals(9, Samples.of(3, 9, 1).percentile(100));
    assertEquals(4, Samples.of(4).percentile(1));
  }

  @Test
  void samples_inputArrayChangedLater_keepsOwnCopy() {
    long[] values = {3, 2, 1};
    Samples samples = new Samples(values);
    values[0] = 100;
    assertEquals(3, samples.max());
  }

  @Test
  void samples_noValues_refused() {
    assertThrows(IllegalArgumentException.class, () -> Samples.of());
    assertThrows(IllegalArgumentException.class, () -> Samples.of(1).percentile(0));
  }
}
