package io.evaljobs.scoring;

import java.nio.charset.StandardCharsets;

/**
 * Bounds on what a stored job may hold. Identifiers stay far below DynamoDB's 2048-byte partition key limit even
 * when joined with the tenant, so a filter value beyond them can be answered without asking DynamoDB.
 */
final class StoredValueLimits {
  static final int MAX_ID_BYTES = 512;
  static final int MAX_EXPLANATION_BYTES = 16 * 1024;

  private StoredValueLimits() {}

  /** Whether {@code value} could be a stored identifier: well-formed Unicode of at most MAX_ID_BYTES. */
  static boolean fitsIdentifier(String value) {
    return isWellFormed(value) && utf8Length(value) <= MAX_ID_BYTES;
  }

  static boolean isWellFormed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
