package io.evaljobs.http;

/** The Lambda event is not an API Gateway proxy event this service can read. */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String message) {
    super(message);
  }
}
