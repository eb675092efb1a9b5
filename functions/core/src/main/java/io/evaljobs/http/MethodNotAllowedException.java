package io.evaljobs.http;

/** The request used an HTTP method the resource does not serve; the answer names the allowed one. */
public final class MethodNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String allowed;

  public MethodNotAllowedException(String method, String allowed) {
    super("method " + method + " is not allowed; allowed: " + allowed);
    this.allowed = allowed;
  }

  /** The value of the response's Allow header. */
  public String allowed() {
    return allowed;
  }
}
