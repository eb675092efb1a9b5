package io.evaljobs.retry;

import java.time.Duration;

/** Waits between attempts; tests substitute one that records the pauses instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
