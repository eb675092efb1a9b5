package io.evaljobs.paging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a page token is bound to: the endpoint, the tenant and the query's normalised filters and order. Sealed in as
 * associated data, so a token replayed anywhere else fails authentication.
 */
public record TokenBinding(String endpoint, String tenant, String canonicalQuery) {

  byte[] associatedData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeField(out, endpoint);
    writeField(out, tenant);
    out.writeBytes(sha256(canonicalQuery));
    return out.toByteArray();
  }

  private static void writeField(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.write(bytes.length >>> 24);
    out.write(bytes.length >>> 16);
    out.write(bytes.length >>> 8);
    out.write(bytes.length);
    out.writeBytes(bytes);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
