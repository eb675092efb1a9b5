package io.evaljobs.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys that seal page tokens, by key id. The first key seals new tokens; the others only open tokens still
 * in flight, so a key can be rotated without breaking clients that are paging.
 */
public final class TokenKeyring {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final int KEY_BYTES = 32;

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private TokenKeyring(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  /** Parses {@code KEYID:BASE64[,KEYID:BASE64...]}, the form of the PAGE_TOKEN_KEYS setting. */
  public static TokenKeyring parse(String spec) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("page token key entry must be KEYID:BASE64");
      }
      String id = trimmed.substring(0, colon);
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("page token key id must match " + KEY_ID.pattern());
      }
      byte[] material;
      try {
        material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("page token key " + id + " is not base64");
      }
      if (material.length != KEY_BYTES) {
        throw new IllegalArgumentException("page token key " + id + " must be 32 bytes, got " + material.length);
      }
      if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
        throw new IllegalArgumentException("page token key id " + id + " given twice");
      }
      if (current == null) {
        current = id;
      }
    }
    if (current == null) {
      throw new IllegalArgumentException("no page token key given");
    }
    return new TokenKeyring(current, keys);
  }

  /**
   * Keys derived from secret strings, by key id, the first sealing: for secrets a store generates (high-entropy
   * text, not key bytes). Each key is HMAC-SHA256 of a fixed label under the secret, so the AES key never equals a
   * value stored elsewhere.
   */
  public static TokenKeyring derive(Map<String, String> secretsById) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    for (Map.Entry<String, String> secret : secretsById.entrySet()) {
      if (!KEY_ID.matcher(secret.getKey()).matches()) {
        throw new IllegalArgumentException("page token key id must match " + KEY_ID.pattern());
      }
      keys.put(secret.getKey(), new SecretKeySpec(hmac(secret.getValue()), "AES"));
      if (current == null) {
        current = secret.getKey();
      }
    }
    if (current == null) {
      throw new IllegalArgumentException("no page token key given");
    }
    return new TokenKeyring(current, keys);
  }

  private static byte[] hmac(String secret) {
    if (secret.length() < 32) {
      throw new IllegalArgumentException("a page token secret has at least 32 characters");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal("evaljobs page token key v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** A fresh random key in the PAGE_TOKEN_KEYS form, e.g. for the local API or a new deployment. */
  public static String generateSpec(String keyId, SecureRandom random) {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    return keyId + ":" + Base64.getEncoder().encodeToString(material);
  }

  /** The id of the key that seals new tokens. */
  public String currentId() {
    return currentId;
  }

  byte[] currentIdBytes() {
    return currentId.getBytes(StandardCharsets.US_ASCII);
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }
}
