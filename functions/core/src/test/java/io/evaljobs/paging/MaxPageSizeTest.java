package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaxPageSizeTest {
  @Test
  void fromEnvironment_unsetOrBlank_isTheDocumentedMaximum() {
    assertEquals(100, MaxPageSize.fromEnvironment(Map.of(), "MAX_LIMIT", 100));
    assertEquals(100, MaxPageSize.fromEnvironment(Map.of("MAX_LIMIT", " "), "MAX_LIMIT", 100));
  }

  @Test
  void fromEnvironment_valueInRange_isTaken() {
    assertEquals(50, MaxPageSize.fromEnvironment(Map.of("MAX_LIMIT", "50"), "MAX_LIMIT", 100));
    assertEquals(1, MaxPageSize.fromEnvironment(Map.of("MAX_LIMIT", "1"), "MAX_LIMIT", 100));
  }

  @Test
  void fromEnvironment_valueOutsideTheContract_refusesToStart() {
    for (String bad : new String[] {"0", "101", "-5", "fifty", "1e2"}) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> MaxPageSize.fromEnvironment(Map.of("MAX_LIMIT", bad), "MAX_LIMIT", 100));
      assertEquals("MAX_LIMIT must be an integer from 1 to 100", e.getMessage());
    }
  }
}
