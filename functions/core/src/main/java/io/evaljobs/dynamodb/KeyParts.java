package io.evaljobs.dynamodb;

/**
 * Joins values into one key attribute so that no two different lists of values give the same key, whatever
 * characters they hold: '#' separates, and a literal '#' or '\' inside a value is escaped with '\'.
 */
public final class KeyParts {
  public static final char SEPARATOR = '#';

  private KeyParts() {}

  public static String join(String... parts) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      appendEscaped(key, parts[i]);
    }
    return key.toString();
  }

  private static void appendEscaped(StringBuilder key, String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == SEPARATOR || c == '\\') {
        key.append('\\');
      }
      key.append(c);
    }
  }
}
