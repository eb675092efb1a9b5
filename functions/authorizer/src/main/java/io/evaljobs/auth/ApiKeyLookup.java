package io.evaljobs.auth;

import java.util.Optional;

/** Finds the stored key whose secret has this hash: the lookup by hash is the whole comparison. */
interface ApiKeyLookup {
  /** Empty when no key has this hash; throws {@link KeyLookupFailedException} when the store cannot answer. */
  Optional<ApiKeyRecord> find(KeyHash hash);
}
