package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegerTextTest {

  @Test
  void parse_acceptsWhatPydanticLaxModeAccepts() {
    Map<String, Long> accepted = Map.ofEntries(
        Map.entry("5", 5L), Map.entry(" 5 ", 5L), Map.entry("+5", 5L), Map.entry("-5", -5L),
        Map.entry("007", 7L), Map.entry("5.0", 5L), Map.entry("5.", 5L), Map.entry("5.000", 5L),
        Map.entry("1_0", 10L), Map.entry("+1_000", 1000L), Map.entry("\t42\n", 42L), Map.entry("\u00a012\u3000", 12L));
    accepted.forEach((text, value) ->
        assertEquals(Optional.of(BigInteger.valueOf(value)), IntegerText.parse(text), text));
  }

  @Test
  void parse_refusesWhatPydanticAnswersIntParsingFor() {
    for (String text : new String[] {"", " ", "ten", "5.5", "1e2", "0x10", "5_", "_5", "1__0", "1_0.0", "+", "-", "--5",
        "5 5", ".0", "\u0665", "five"}) {
      assertEquals(Optional.empty(), IntegerText.parse(text), text);
    }
  }

  @Test
  void tooLong_beyondPydanticsLimit_isReported() {
    assertTrue(IntegerText.tooLong("1".repeat(4301)));
    assertEquals(Optional.of(new BigInteger("1".repeat(4300))), IntegerText.parse("1".repeat(4300)));
  }
}
