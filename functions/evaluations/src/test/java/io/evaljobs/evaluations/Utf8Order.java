package io.evaljobs.evaluations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** DynamoDB's string order: unsigned UTF-8 bytes (which differs from String.compareTo beyond the BMP). */
final class Utf8Order {
  static final Comparator<String> COMPARATOR =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Utf8Order() {}
}
