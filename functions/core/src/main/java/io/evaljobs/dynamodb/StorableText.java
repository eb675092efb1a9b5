package io.evaljobs.dynamodb;

import java.nio.charset.StandardCharsets;

/**
 * What DynamoDB requires of a string it stores or compares: well-formed Unicode (a lone UTF-16 surrogate has no
 * UTF-8 form and is refused with a 400 of DynamoDB's own), and a size counted in UTF-8 bytes.
 */
public final class StorableText {
  private StorableText() {}

  /** Whether every surrogate in {@code value} is half of a pair. */
  public static boolean isWellFormed(String value) {
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

  public static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
