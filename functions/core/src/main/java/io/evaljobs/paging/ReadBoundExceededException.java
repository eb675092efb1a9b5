package io.evaljobs.paging;

import io.evaljobs.dynamodb.ReadStats;

/**
 * A page that cannot be read within its work bound: reaching its position, or filling it, would read more than one
 * request may. The caller's API says what to send instead (a page token, a narrower filter), never a short page.
 */
public final class ReadBoundExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What ran out: reaching an integer offset, or filling the page itself. */
  public enum Stage {
    SKIPPING,
    FILLING
  }

  private final Stage stage;
  private final transient ReadStats spent;

  public ReadBoundExceededException(Stage stage) {
    this(stage, ReadStats.NONE);
  }

  /** {@code spent}: what the read cost before it stopped, so a caller that tries another way can count it. */
  public ReadBoundExceededException(Stage stage, ReadStats spent) {
    super(stage == Stage.SKIPPING ? "the offset lies beyond the read bound" : "the page cannot be filled within the read bound");
    this.stage = stage;
    this.spent = spent;
  }

  public Stage stage() {
    return stage;
  }

  public ReadStats spent() {
    return spent;
  }
}
