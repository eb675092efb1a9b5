package io.evaljobs.dynamodb;

/** Where a listing stands after skipping items, and how many were actually skipped (fewer at the end). */
public record SkipResult(Position position, long skipped, boolean exhausted, ReadStats stats) {

  /** Whether the skip's budget ran out before it passed {@code wanted} items of a listing that holds more. */
  public boolean stoppedByBudget(long wanted) {
    return !exhausted && skipped < wanted;
  }
}
