package io.evaljobs.dynamodb;

/** The sort key part of a Query's key condition: one contiguous run of an index partition. */
public sealed interface SortKeyCondition {

  /** Sort keys from {@code lowest} to {@code highest}, both inclusive. */
  record Between(String lowest, String highest) implements SortKeyCondition {}

  /** Sort keys that start with {@code prefix}. */
  record BeginsWith(String prefix) implements SortKeyCondition {}

  static SortKeyCondition between(String lowest, String highest) {
    return new Between(lowest, highest);
  }

  static SortKeyCondition beginsWith(String prefix) {
    return new BeginsWith(prefix);
  }
}
