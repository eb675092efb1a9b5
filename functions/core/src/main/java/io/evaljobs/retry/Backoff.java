package io.evaljobs.retry;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How often and how patiently a caller retries work DynamoDB left undone (unprocessed batch items, cancelled
 * transactions): at most {@code maxAttempts} attempts, with the SDK's backoff strategy choosing each pause and
 * {@code sleeper} taking it. Exponential backoff with full jitter keeps writers throttled together from retrying in
 * lockstep.
 */
public record Backoff(int maxAttempts, BackoffStrategy delays, Sleeper sleeper) {
  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Full-jitter exponential delays from {@code baseDelay}, capped at {@code maxDelay}; no pause when base is zero. */
  public static Backoff exponential(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay");
    }
    BackoffStrategy delays =
        baseDelay.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
    return new Backoff(maxAttempts, delays, Sleeper.REAL);
  }

  /** The same attempts and delays, waited out by {@code other}. */
  public Backoff withSleeper(Sleeper other) {
    return new Backoff(maxAttempts, delays, other);
  }

  /** Whether attempt number {@code attempt} (1 for the first) may be made. */
  public boolean allows(int attempt) {
    return attempt <= maxAttempts;
  }

  /**
   * Waits before the attempt after number {@code attempt}. An interrupt ends the wait with an
   * {@link IllegalStateException}, the thread's interrupt flag set again.
   */
  public void pauseAfter(int attempt) {
    try {
      sleeper.sleep(delays.computeDelay(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
