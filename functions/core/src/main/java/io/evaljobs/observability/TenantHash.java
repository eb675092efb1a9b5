package io.evaljobs.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A tenant as it may appear in logs: the first 16 hex digits of the SHA-256 of its key, enough to group one tenant's
 * requests without writing an organization or customer name.
 */
public final class TenantHash {
  private TenantHash() {}

  public static String of(String tenant) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
