package io.evaljobs.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Keys by hash in memory, the way the table holds them: the plaintext is hashed on the way in. */
final class InMemoryApiKeyLookup implements ApiKeyLookup {
  private final Map<KeyHash, ApiKeyRecord> keys = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();

  InMemoryApiKeyLookup store(String plaintextKey, ApiKeyRecord record) {
    keys.put(KeyHash.of(plaintextKey), record);
    return this;
  }

  /** How many lookups were made: each would be one read of the key table. */
  int lookups() {
    return lookups.get();
  }

  @Override
  public Optional<ApiKeyRecord> find(KeyHash hash) {
    lookups.incrementAndGet();
    return Optional.ofNullable(keys.get(hash));
  }
}
