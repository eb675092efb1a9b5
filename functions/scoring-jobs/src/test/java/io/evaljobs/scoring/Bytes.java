package io.evaljobs.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** DynamoDB's string order: unsigned UTF-8 bytes. */
final class Bytes {
  private Bytes() {}

  static int compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
