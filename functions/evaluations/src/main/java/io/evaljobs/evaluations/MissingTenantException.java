package io.evaljobs.evaluations;

/** The request reached the function without the organization the authorizer establishes. */
final class MissingTenantException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MissingTenantException() {
    super("the request carries no authenticated organization");
  }
}
