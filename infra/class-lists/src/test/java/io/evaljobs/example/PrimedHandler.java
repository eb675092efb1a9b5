package io.evaljobs.example;

import io.evaljobs.priming.SnapStartPriming;

/**
 * A handler as class list training sees one, outside the packages it filters out: constructed, then primed, its
 * primer's request a class of its own that construction does not load.
 */
public final class PrimedHandler {
  public PrimedHandler() {
    SnapStartPriming.register(() -> new Request().handle());
  }

  /** Loaded by the first (primed) invocation only. */
  public static final class Request {
    int handle() {
      return hashCode();
    }
  }
}
