package io.evaljobs.auth;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.priming.CannedHttpClient;
import io.evaljobs.priming.LazyPrimer;
import io.evaljobs.priming.PrimingRequests;

/**
 * Primes the path of a key that exists, which no read of the real table can reach without a real key: the same
 * handler code over a DynamoDB client whose GetItem always finds an active evaluations key. The first call of each
 * API is then allowed, the second denied (a key of the other API), and no request leaves the process.
 */
final class KnownKeyPrimer {
  private static final String FOUND_ITEM =
      "{\"Item\":{"
          + "\"key_hash\":{\"S\":\"0000000000000000000000000000000000000000000000000000000000000000\"},"
          + "\"key_id\":{\"S\":\"priming\"},"
          + "\"api\":{\"S\":\"" + ApiName.EVALUATIONS.wireName() + "\"},"
          + "\"organization\":{\"S\":\"evaljobs-snapstart-priming\"},"
          + "\"name\":{\"S\":\"priming\"},"
          + "\"status\":{\"S\":\"active\"},"
          + "\"created_at\":{\"S\":\"2024-01-01T00:00:00Z\"},"
          + "\"created_sk\":{\"S\":\"priming\"}}}";

  /** Well formed, so it reaches the canned lookup. */
  static final String KNOWN_KEY = "ej_eval_snapstart_priming_known_key_000000000000000";

  private KnownKeyPrimer() {}

  /** The primer, whose handler over the canned client is built at the checkpoint. */
  static LazyPrimer of() {
    return new LazyPrimer(() -> new PrimingRequests(
        new ApiKeyAuthorizerHandler(
            DynamoDbClients.withHttpClient(new CannedHttpClient(FOUND_ITEM)), "evaljobs-snapstart-priming"),
        ApiKeyAuthorizerHandler.eventsPresenting(KNOWN_KEY)));
  }
}
