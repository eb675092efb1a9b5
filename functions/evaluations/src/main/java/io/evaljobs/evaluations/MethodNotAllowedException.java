package io.evaljobs.evaluations;

/** The request used an HTTP method other than GET. */
final class MethodNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MethodNotAllowedException(String method) {
    super("method " + method + " is not allowed");
  }
}
