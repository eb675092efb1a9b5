package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyHashTest {
  @Test
  void of_knownInput_givesTheSha256TestVector() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyHash.of("abc").hex());
  }

  @Test
  void of_nonAsciiKey_hashesTheUtf8Bytes() {
    assertEquals(
        "51cbcf30514d0802eb5c60a018f384ea3fb9b69307c554ee63ecb43177594de4", KeyHash.of("cl\u00e9").hex());
    assertNotEquals(KeyHash.of("cle"), KeyHash.of("cl\u00e9"));
  }

  @Test
  void toString_showsOnlyThePrefix() {
    KeyHash hash = KeyHash.of("ej_eval_secret");

    assertEquals(8, hash.logPrefix().length());
    assertFalse(hash.toString().contains(hash.hex()));
  }

  @Test
  void constructor_notAHexDigest_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new KeyHash("abc"));
    assertThrows(IllegalArgumentException.class, () -> new KeyHash("G".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> new KeyHash(null));
  }
}
