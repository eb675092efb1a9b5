package io.evaljobs.http;

/** The request reached the function without the tenant the authorizer establishes: no valid API key. */
public final class UnauthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException() {
    super("the request carries no authenticated tenant");
  }
}
