package io.evaljobs.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys by hash in memory, the way the table holds them: the plaintext is hashed on the way in. */
final class InMemoryApiKeyLookup implements ApiKeyLookup {
  private final Map<KeyHash, ApiKeyRecord> keys = new ConcurrentHashMap<>();

  InMemoryApiKeyLookup store(String plaintextKey, ApiKeyRecord record) {
    keys.put(KeyHash.of(plaintextKey), record);
    return this;
  }

  @Override
  public Optional<ApiKeyRecord> find(KeyHash hash) {
    return Optional.ofNullable(keys.get(hash));
  }
}
