package io.evaljobs.dynamodb;

import java.util.Comparator;

/**
 * DynamoDB's order of string keys: their UTF-8 bytes, unsigned, which is the order of their code points. It differs
 * from {@link String#compareTo} (UTF-16 units) where a character beyond the BMP meets one from U+E000 to U+FFFF.
 */
public final class KeyOrder {
  public static final Comparator<String> UTF8 = KeyOrder::compare;

  private KeyOrder() {}

  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
