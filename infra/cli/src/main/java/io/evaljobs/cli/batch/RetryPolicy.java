package io.evaljobs.cli.batch;

import java.time.Duration;
import java.util.Random;

/**
 * How often and how patiently a {@link BatchWriter} retries items DynamoDB left unprocessed: exponential backoff with
 * full jitter, so that many writers throttled together do not retry in lockstep.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  /** Enough to ride out a table scaling up on demand (about a minute of waiting in the worst case). */
  public static final RetryPolicy DEFAULT = new RetryPolicy(12, Duration.ofMillis(50), Duration.ofSeconds(10));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay");
    }
  }

  /** The pause before retry number {@code retry} (1 for the first retry). */
  Duration delayBefore(int retry, Random random) {
    long ceiling = baseDelay.toMillis();
    for (int i = 1; i < retry && ceiling < maxDelay.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxDelay.toMillis());
    return Duration.ofMillis(ceiling == 0 ? 0 : (long) (random.nextDouble() * (ceiling + 1)));
  }
}
