package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenKeyringTest {

  @Test
  void derive_shortSecret_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> TokenKeyring.derive(Map.of("k", "short")));
  }
}
