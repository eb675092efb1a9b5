package io.evaljobs.scoring;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A confidence score exactly as it was imported: the JSON number's literal text, so that an integer judge score
 * stays an integer and a statistical fraction keeps its digits.
 *
 * @param literal a JSON number: an integer from 0 to 10, or a fraction from 0.0 to 1.0
 */
public record Score(String literal) {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final int MAX_LITERAL_CHARS = 64;
  private static final BigDecimal MAX_JUDGE = BigDecimal.TEN;

  public Score {
    if (literal.length() > MAX_LITERAL_CHARS || !JSON_NUMBER.matcher(literal).matches()) {
      throw new IllegalArgumentException("score must be a JSON number");
    }
    BigDecimal value = new BigDecimal(literal);
    boolean integer = isIntegerLiteral(literal);
    BigDecimal max = integer ? MAX_JUDGE : BigDecimal.ONE;
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          integer ? "score must be an integer from 0 to 10" : "score must be a number from 0.0 to 1.0");
    }
  }

  /** True for a judge module's integer score, false for a statistical module's fraction. */
  public boolean isInteger() {
    return isIntegerLiteral(literal);
  }

  public BigDecimal value() {
    return new BigDecimal(literal);
  }

  private static boolean isIntegerLiteral(String literal) {
    return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
  }
}
