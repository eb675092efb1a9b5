package io.evaljobs.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void pauseAfter_exponential_staysUnderADoublingCeilingCappedAtTheMaximum() {
    List<Duration> pauses = new ArrayList<>();
    Backoff backoff = Backoff.exponential(10, Duration.ofMillis(100), Duration.ofMillis(1_000)).withSleeper(pauses::add);
    long longest = 0;
    for (int round = 0; round < 200; round++) {
      pauses.clear();
      for (int attempt = 1; attempt <= 9; attempt++) {
        backoff.pauseAfter(attempt);
      }
      for (int attempt = 1; attempt <= 9; attempt++) {
        long ceiling = Math.min(1_000, 100L << (attempt - 1));
        long pause = pauses.get(attempt - 1).toMillis();
        assertTrue(pause >= 0 && pause <= ceiling, "after attempt " + attempt + ": " + pause);
        longest = Math.max(longest, pause);
      }
    }
    // Full jitter over 200 rounds reaches well past the base delay: the delays do grow.
    assertTrue(longest > 500, "longest pause " + longest);
  }

  @Test
  void pauseAfter_zeroBase_neverWaits() {
    List<Duration> pauses = new ArrayList<>();
    Backoff backoff = Backoff.exponential(3, Duration.ZERO, Duration.ZERO).withSleeper(pauses::add);
    backoff.pauseAfter(1);
    backoff.pauseAfter(2);
    assertEquals(List.of(Duration.ZERO, Duration.ZERO), pauses);
  }

  @Test
  void allows_countsAttemptsFromOneUpToTheMaximum() {
    Backoff backoff = Backoff.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1));
    assertTrue(backoff.allows(1));
    assertTrue(backoff.allows(3));
    assertFalse(backoff.allows(4));
  }

  @Test
  void pauseAfter_interrupted_throwsAndKeepsTheInterruptFlag() {
    Backoff backoff =
        Backoff.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)).withSleeper(d -> {
          throw new InterruptedException();
        });
    try {
      assertThrows(IllegalStateException.class, () -> backoff.pauseAfter(1));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void exponential_badArguments_refused() {
    assertThrows(IllegalArgumentException.class, () -> Backoff.exponential(0, Duration.ZERO, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> Backoff.exponential(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
