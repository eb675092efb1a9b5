package io.evaljobs.auth;

import com.amazonaws.services.lambda.runtime.Context;

/** Where authorization decisions are written. Lines name key ids and hash prefixes, never a key. */
@FunctionalInterface
interface AuthorizerLog {
  void line(String message);

  /** The invocation's Lambda logger, or standard error when invoked without one (local server, tests). */
  static AuthorizerLog of(Context context) {
    if (context != null && context.getLogger() != null) {
      return context.getLogger()::log;
    }
    return System.err::println;
  }
}
