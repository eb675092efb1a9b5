package io.evaljobs.scoring;

/** The request carries no tenant from the authorizer: no valid API key. */
final class UnauthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnauthenticatedException() {
    super("no customer and project in the authorizer context");
  }
}
