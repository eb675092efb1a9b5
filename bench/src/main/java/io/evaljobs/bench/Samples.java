package io.evaljobs.bench;

import java.util.Arrays;

/** Measured values (nanoseconds, kilobytes, ...) and their order statistics. */
record Samples(long[] sorted) {
  Samples {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    sorted = sorted.clone();
    Arrays.sort(sorted);
  }

  static Samples of(long... values) {
    return new Samples(values);
  }

  int size() {
    return sorted.length;
  }

  /** The middle value, or the mean of the two middle values for an even count. */
  double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
  }

  /** Nearest-rank percentile: the smallest sample with at least {@code percent}% of samples at or below it. */
  long percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  long min() {
    return sorted[0];
  }

  long max() {
    return sorted[sorted.length - 1];
  }
}
