package io.evaljobs.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a plaintext API key in lower-case hex: the only form in which a key is stored or looked up. */
record KeyHash(String hex) {
  KeyHash {
    if (hex == null || !hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex digest");
    }
  }

  static KeyHash of(String plaintextKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintextKey.getBytes(StandardCharsets.UTF_8));
      return new KeyHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Enough to correlate log lines, far too little to find the key. */
  String logPrefix() {
    return hex.substring(0, 8);
  }

  @Override
  public String toString() {
    return "KeyHash[" + logPrefix() + "...]";
  }
}
