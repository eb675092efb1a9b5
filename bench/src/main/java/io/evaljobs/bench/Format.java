package io.evaljobs.bench;

import java.util.Locale;

/** Number formats of the result table. */
final class Format {
  private Format() {}

  static String millis(double nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  static String millisFromMicros(double micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }
}
