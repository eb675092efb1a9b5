package io.evaljobs.priming;

import java.util.function.Supplier;

/**
 * A primer whose requests (and the handler they go through) are built at the first checkpoint, not when the function
 * starts: what only priming needs costs nothing to an environment that never takes a snapshot.
 */
public final class LazyPrimer implements Runnable {
  private final Supplier<PrimingRequests> requests;
  private PrimingRequests built;

  public LazyPrimer(Supplier<PrimingRequests> requests) {
    this.requests = requests;
  }

  @Override
  public synchronized void run() {
    if (built == null) {
      built = requests.get();
    }
    built.run();
  }
}
