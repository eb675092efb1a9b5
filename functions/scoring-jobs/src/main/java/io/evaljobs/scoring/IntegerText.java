package io.evaljobs.scoring;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Reads an integer from query parameter text the way pydantic v2's lax mode does, so that clients see the same
 * answers as from the Python service: surrounding whitespace is ignored, a sign is allowed, single underscores may
 * separate digits, and a fractional part of only zeros ("5.00") is dropped.
 */
final class IntegerText {
  /** pydantic refuses longer integer strings before parsing them. */
  static final int MAX_CHARS = 4300;

  private IntegerText() {}

  static boolean tooLong(String text) {
    return trim(text).length() > MAX_CHARS;
  }

  /** The integer, or empty when pydantic would answer int_parsing. */
  static Optional<BigInteger> parse(String text) {
    String trimmed = trim(text);
    Optional<BigInteger> whole = parseWhole(trimmed);
    if (whole.isPresent()) {
      return whole;
    }
    int dot = trimmed.indexOf('.');
    if (dot >= 0) {
      // Tried before underscores, and without them: "1_0.0" is refused, as pydantic refuses it.
      return trimmed.substring(dot + 1).chars().allMatch(c -> c == '0')
          ? parseWhole(trimmed.substring(0, dot))
          : Optional.empty();
    }
    if (trimmed.startsWith("_") || trimmed.endsWith("_") || trimmed.contains("__")) {
      return Optional.empty();
    }
    return parseWhole(trimmed.replace("_", ""));
  }

  /** An optional sign and ASCII digits only. */
  private static Optional<BigInteger> parseWhole(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (start == text.length()) {
      return Optional.empty();
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    BigInteger magnitude = new BigInteger(text.substring(start));
    return Optional.of(text.charAt(0) == '-' ? magnitude.negate() : magnitude);
  }

  /** Strips Unicode White_Space from both ends, as Rust's str::trim does. */
  static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWhiteSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isWhiteSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isWhiteSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }
}
