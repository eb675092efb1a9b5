package io.evaljobs.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Draws new key secrets and public key ids from a cryptographic random source. */
final class KeySecrets {
  private static final int SECRET_BYTES = 32;
  private static final int KEY_ID_LENGTH = 12;
  /** Lower-case base32 (RFC 4648 letters and digits 2-7): unambiguous to read aloud and safe in URLs and logs. */
  private static final char[] KEY_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final SecureRandom random;

  KeySecrets(SecureRandom random) {
    this.random = random;
  }

  /** The API's prefix, then 256 random bits in unpadded base64url: the shape of {@link ApiKeyFormat}. */
  String newSecret(ApiName api) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return ApiKeyFormat.prefix(api) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** 60 random bits: collisions are negligible at any plausible number of keys. */
  String newKeyId() {
    char[] id = new char[KEY_ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = KEY_ID_ALPHABET[random.nextInt(KEY_ID_ALPHABET.length)];
    }
    return new String(id);
  }
}
