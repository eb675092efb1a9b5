package io.evaljobs.auth;

/** An API key with the same secret is already stored; the existing record is left untouched. */
public final class DuplicateApiKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DuplicateApiKeyException(String message) {
    super(message);
  }
}
