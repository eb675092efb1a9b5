package io.evaljobs.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void optional_unsetOrBlank_isEmpty() {
    Environment env = new Environment(Map.of("BLANK", "  ", "SET", "x"));
    assertEquals(Optional.empty(), env.optional("UNSET"));
    assertEquals(Optional.empty(), env.optional("BLANK"));
    assertEquals(Optional.of("x"), env.optional("SET"));
  }

  @Test
  void required_unsetOrBlank_refusesToStartNamingTheVariable() {
    Environment env = new Environment(Map.of("BLANK", ""));
    assertEquals("TABLE is not set", assertThrows(IllegalStateException.class, () -> env.required("TABLE")).getMessage());
    assertEquals("BLANK is not set", assertThrows(IllegalStateException.class, () -> env.required("BLANK")).getMessage());
  }

  @Test
  void intUpTo_unsetOrBlank_isTheMaximum() {
    assertEquals(100, new Environment(Map.of()).intUpTo("MAX_LIMIT", 100));
    assertEquals(100, new Environment(Map.of("MAX_LIMIT", " ")).intUpTo("MAX_LIMIT", 100));
  }

  @Test
  void intUpTo_valueInRange_isTaken() {
    assertEquals(50, new Environment(Map.of("MAX_LIMIT", "50")).intUpTo("MAX_LIMIT", 100));
    assertEquals(1, new Environment(Map.of("MAX_LIMIT", " 1 ")).intUpTo("MAX_LIMIT", 100));
  }

  @Test
  void intUpTo_valueOutsideTheRange_refusesToStart() {
    for (String bad : new String[] {"0", "101", "-5", "fifty", "1e2"}) {
      Environment env = new Environment(Map.of("MAX_LIMIT", bad));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.intUpTo("MAX_LIMIT", 100));
      assertEquals("MAX_LIMIT must be an integer from 1 to 100", e.getMessage());
    }
  }
}
