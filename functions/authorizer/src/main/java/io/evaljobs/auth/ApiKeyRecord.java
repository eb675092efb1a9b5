package io.evaljobs.auth;

import io.evaljobs.tenant.Tenant;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about an API key apart from its secret: its public id, API, tenant, name and state. A key with
 * {@code expiresAt} stops working at that instant, the way a revoked key does.
 */
public record ApiKeyRecord(
    String keyId,
    ApiName api,
    Tenant tenant,
    String name,
    boolean revoked,
    Instant createdAt,
    Optional<Instant> revokedAt,
    Optional<Instant> expiresAt) {
  public ApiKeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!api.accepts(tenant)) {
      throw new IllegalArgumentException("a " + api.wireName() + " key cannot have the tenant " + tenant);
    }
  }

  /** A key that never expires. */
  public ApiKeyRecord(
      String keyId, ApiName api, Tenant tenant, String name, boolean revoked, Instant createdAt,
      Optional<Instant> revokedAt) {
    this(keyId, api, tenant, name, revoked, createdAt, revokedAt, Optional.empty());
  }

  /** True from the expiry instant on. */
  public boolean expiredAt(Instant now) {
    return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
  }
}
