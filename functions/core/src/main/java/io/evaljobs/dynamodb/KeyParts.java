package io.evaljobs.dynamodb;

import java.util.ArrayList;
import java.util.List;

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

  /** The values {@link #join} joined: split at unescaped separators, escapes removed. */
  public static List<String> split(String key) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' && i + 1 < key.length()) {
        part.append(key.charAt(++i));
      } else if (c == SEPARATOR) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
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
