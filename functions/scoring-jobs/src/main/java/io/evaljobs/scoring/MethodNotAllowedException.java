package io.evaljobs.scoring;

/** The listing only answers GET. */
final class MethodNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MethodNotAllowedException(String method) {
    super("method not allowed: " + method);
  }
}
