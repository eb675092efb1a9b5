package io.evaljobs.cli.batch;

import java.time.Duration;

/** Waits between retries; tests substitute one that only records the pauses. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
