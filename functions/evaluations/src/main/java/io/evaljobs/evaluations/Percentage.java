package io.evaljobs.evaluations;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A job's progress percentage as DynamoDB stores the number: the imported JSON number's text in DynamoDB's
 * canonical form (plain notation, no trailing fraction zeros), so that an integer stays an integer on the wire and a
 * fraction keeps its digits. {@code 40} and {@code 40.0} are one stored value and both read back as {@code 40}.
 *
 * @param literal a JSON number from 0 to 100, in canonical form once constructed
 */
public record Percentage(String literal) {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  /** Room for DynamoDB's smallest positive number written out in plain notation. */
  private static final int MAX_LITERAL_CHARS = 160;
  /** DynamoDB's limits on a number: 38 significant digits, magnitude from 1E-130. */
  private static final int MAX_DIGITS = 38;
  private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String RANGE = "progress_percentage must be a number from 0 to 100";

  public Percentage {
    if (literal.length() > MAX_LITERAL_CHARS || !JSON_NUMBER.matcher(literal).matches()) {
      throw new IllegalArgumentException(RANGE);
    }
    BigDecimal value = new BigDecimal(literal);
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(RANGE);
    }
    if (value.signum() == 0) {
      literal = "0";
    } else {
      BigDecimal stripped = value.stripTrailingZeros();
      if (stripped.precision() > MAX_DIGITS || stripped.compareTo(SMALLEST) < 0) {
        throw new IllegalArgumentException(
            "progress_percentage must have at most " + MAX_DIGITS + " significant digits and be 0 or at least 1E-130");
      }
      literal = stripped.toPlainString();
    }
  }

  /** The shortest decimal that reads back as {@code value}: 25.0 is {@code 25}, 12.5 is {@code 12.5}. */
  public static Percentage of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(RANGE);
    }
    return new Percentage(BigDecimal.valueOf(value).toPlainString());
  }

  /** The nearest double, which listings sort by. */
  public double doubleValue() {
    return new BigDecimal(literal).doubleValue();
  }
}
