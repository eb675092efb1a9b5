package io.evaljobs.auth;

/**
 * A request without a usable API key. Its message is exactly {@code Unauthorized}: that failure is what makes API
 * Gateway answer 401 for a REQUEST authorizer, so the reason stays in the logs and out of the message.
 */
public final class UnauthorizedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  UnauthorizedException(String reason) {
    super("Unauthorized", null, false, false);
    this.reason = reason;
  }

  /** Why the request was refused, for the logs; never contains a key. */
  public String reason() {
    return reason;
  }
}
