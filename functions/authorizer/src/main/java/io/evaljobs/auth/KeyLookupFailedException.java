package io.evaljobs.auth;

/**
 * The key table could not be read. Deliberately not {@link UnauthorizedException}: API Gateway answers a failing
 * authorizer with 500 AUTHORIZER_FAILURE, so an outage is not reported to the caller as a bad key.
 */
public final class KeyLookupFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KeyLookupFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
