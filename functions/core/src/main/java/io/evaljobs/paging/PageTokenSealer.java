package io.evaljobs.paging;

import io.evaljobs.paging.InvalidPageTokenException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals page token payloads with AES-256-GCM: clients can neither read nor alter them, and a token only opens for
 * the {@link TokenBinding} it was sealed for and until it expires.
 *
 * <p>Layout, base64url without padding: version (1 byte), key id length (1), key id, nonce (12), then the
 * ciphertext of expiry (8, epoch seconds) and payload, with the GCM tag. The version, key id and binding are the
 * associated data.
 */
public final class PageTokenSealer {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_TOKEN_CHARS = 2048;

  private final TokenKeySource keys;
  private final Clock clock;
  private final Duration lifetime;
  // The JDK's SecureRandom reseeds from the OS after a SnapStart restore, so nonces never repeat across clones.
  private final SecureRandom random = new SecureRandom();

  public PageTokenSealer(TokenKeyring keyring, Clock clock, Duration lifetime) {
    this(TokenKeySource.fixed(keyring), clock, lifetime);
  }

  public PageTokenSealer(TokenKeySource keys, Clock clock, Duration lifetime) {
    this.keys = keys;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String seal(byte[] payload, TokenBinding binding) {
    TokenKeyring keyring = keys.keyring();
    byte[] keyId = keyring.currentIdBytes();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    ByteBuffer plain = ByteBuffer.allocate(Long.BYTES + payload.length);
    plain.putLong(clock.instant().plus(lifetime).getEpochSecond()).put(payload);
    byte[] sealed;
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyring.current(), nonce);
      cipher.updateAAD(header(keyId));
      cipher.updateAAD(binding.associatedData());
      sealed = cipher.doFinal(plain.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
    ByteBuffer token = ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length);
    token.put(VERSION).put((byte) keyId.length).put(keyId).put(nonce).put(sealed);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  public byte[] open(String token, TokenBinding binding) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
    if (raw.length < 2 || raw[0] != VERSION) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
    int idLength = raw[1] & 0xff;
    int sealedStart = 2 + idLength + NONCE_BYTES;
    if (idLength == 0 || raw.length < sealedStart + TAG_BITS / 8 + Long.BYTES) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
    byte[] keyId = Arrays.copyOfRange(raw, 2, 2 + idLength);
    String id = new String(keyId, StandardCharsets.US_ASCII);
    SecretKey key =
        keys.keyring()
            .find(id)
            .or(() -> keys.reload().find(id))
            .orElseThrow(() -> new InvalidPageTokenException(Reason.UNKNOWN_KEY));
    byte[] plain;
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(raw, 2 + idLength, sealedStart));
      cipher.updateAAD(header(keyId));
      cipher.updateAAD(binding.associatedData());
      plain = cipher.doFinal(raw, sealedStart, raw.length - sealedStart);
    } catch (AEADBadTagException e) {
      throw new InvalidPageTokenException(Reason.NOT_AUTHENTIC);
    } catch (GeneralSecurityException e) {
      throw new InvalidPageTokenException(Reason.MALFORMED);
    }
    ByteBuffer buffer = ByteBuffer.wrap(plain);
    if (buffer.getLong() < clock.instant().getEpochSecond()) {
      throw new InvalidPageTokenException(Reason.EXPIRED);
    }
    return Arrays.copyOfRange(plain, Long.BYTES, plain.length);
  }

  private static byte[] header(byte[] keyId) {
    byte[] header = new byte[2 + keyId.length];
    header[0] = VERSION;
    header[1] = (byte) keyId.length;
    System.arraycopy(keyId, 0, header, 2, keyId.length);
    return header;
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }
}
