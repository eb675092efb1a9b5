package io.evaljobs.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What is known about an API key apart from its secret: its public id, API, tenant, name and state. */
public record ApiKeyRecord(
    String keyId,
    ApiName api,
    Tenant tenant,
    String name,
    boolean revoked,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  public ApiKeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (!api.accepts(tenant)) {
      throw new IllegalArgumentException("a " + api.wireName() + " key cannot have the tenant " + tenant);
    }
  }
}
