package io.evaljobs.paging;

/** A page token that cannot be used: not one of ours, altered, expired, or minted for another tenant or query. */
public final class InvalidPageTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, for logs and metrics; clients get one message whatever the reason, to give forgers nothing. */
  public enum Reason {
    MALFORMED,
    UNKNOWN_KEY,
    NOT_AUTHENTIC,
    EXPIRED
  }

  private final Reason reason;

  public InvalidPageTokenException(Reason reason) {
    super("page token rejected: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
