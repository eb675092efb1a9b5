package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentageTest {

  /** The right-hand texts are what DynamoDB Local answers when given the left-hand numbers. */
  @ParameterizedTest
  @CsvSource({
    "40, 40", "40.0, 40", "100.00, 100", "0.50, 0.5", "0.0, 0", "-0, 0", "1E-7, 0.0000001", "2.5e1, 25",
    "1E+2, 100", "0e5, 0", "33.333333333333336, 33.333333333333336"
  })
  void literal_isDynamoDbsCanonicalText(String given, String stored) {
    assertEquals(stored, new Percentage(given).literal());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "-1", "100.0000001", "101", "1e3", "NaN", "Infinity", "0x10", " 5", "5 ", "+5", ".5", "5.", "05", "1e-131",
    "1.2345678901234567890123456789012345678901", "1e999999999", "-1e999999999"
  })
  void constructor_notAJsonNumberFrom0To100InDynamoDbsRange_isRefused(String literal) {
    assertThrows(IllegalArgumentException.class, () -> new Percentage(literal));
  }

  @Test
  void of_randomDoubles_keepTheirValueAndAreIntegersWhenWhole() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      double value = random.nextBoolean() ? random.nextInt(101) : random.nextDouble() * 100;
      Percentage percentage = Percentage.of(value);
      assertEquals(value, percentage.doubleValue(), percentage.literal());
      assertEquals(0, new BigDecimal(percentage.literal()).compareTo(BigDecimal.valueOf(value)));
      assertEquals(value == Math.rint(value), percentage.literal().indexOf('.') < 0, percentage.literal());
    }
  }
}
