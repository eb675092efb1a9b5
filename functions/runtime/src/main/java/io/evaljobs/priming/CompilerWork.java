package io.evaljobs.priming;

import java.util.OptionalLong;

/** The JIT compiler's accumulated work: how a primer tells whether the request path it runs is still being compiled. */
interface CompilerWork {
  /** Milliseconds spent compiling so far, or empty where the JVM does not measure it. */
  OptionalLong elapsedMillis();
}
