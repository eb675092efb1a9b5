package io.evaljobs.http;

import java.util.Optional;

/**
 * A query parameter the client got wrong. Carries what each API's error dialect needs: the parameter, a machine
 * readable kind, a message naming what is allowed, and the offending input.
 */
public final class InvalidParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was wrong, in words both error dialects can map. */
  public enum Kind {
    INVALID_VALUE,
    INVALID_INTEGER,
    INVALID_DATETIME,
    OUT_OF_RANGE,
    NOT_ALLOWED,
    REPEATED,
    UNKNOWN,
    INVALID_TOKEN,
    CONFLICT
  }

  private final String parameter;
  private final Kind kind;
  private final transient Optional<String> input;

  public InvalidParameterException(String parameter, Kind kind, String message, Optional<String> input) {
    super(message);
    this.parameter = parameter;
    this.kind = kind;
    this.input = input;
  }

  public String parameter() {
    return parameter;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> input() {
    return input;
  }
}
