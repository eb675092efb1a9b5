package io.evaljobs.dynamodb;

/** The sort key part of a Query's key condition: one contiguous run of an index partition. */
public sealed interface SortKeyCondition {

  /** Sort keys from {@code lowest} to {@code highest}, both inclusive. */
  record Between(String lowest, String highest) implements SortKeyCondition {
    @Override
    public boolean holds(String sortKey) {
      return KeyOrder.compare(lowest, sortKey) <= 0 && KeyOrder.compare(sortKey, highest) <= 0;
    }

    @Override
    public SortKeyCondition resumingAt(String sortKey, boolean scanForward) {
      return scanForward ? new Between(sortKey, highest) : new Between(lowest, sortKey);
    }
  }

  /** Sort keys that start with {@code prefix}. */
  record BeginsWith(String prefix) implements SortKeyCondition {
    @Override
    public boolean holds(String sortKey) {
      return sortKey.startsWith(prefix);
    }

    /**
     * Backwards, {@code BETWEEN prefix AND sortKey} holds exactly the keys with the prefix up to {@code sortKey}.
     * Forwards no single key condition says "has the prefix and is at least sortKey", so the run stays whole.
     */
    @Override
    public SortKeyCondition resumingAt(String sortKey, boolean scanForward) {
      return !scanForward && sortKey.startsWith(prefix) ? new Between(prefix, sortKey) : this;
    }
  }

  static SortKeyCondition between(String lowest, String highest) {
    return new Between(lowest, highest);
  }

  static SortKeyCondition beginsWith(String prefix) {
    return new BeginsWith(prefix);
  }

  /**
   * The run without the part before {@code sortKey}, the sort key of the item a read resumes after, in the direction
   * of the scan. ExclusiveStartKey alone gives the same items, but a key condition that starts at the resume point
   * lets the store seek there instead of stepping over every item before it (DynamoDB Local walks them: a page at
   * depth 10,000 cost 2.5 times page 1 before). The start key's own sort key stays inside the narrowed run, as
   * DynamoDB requires.
   */
  SortKeyCondition resumingAt(String sortKey, boolean scanForward);

  /** Whether an item with {@code sortKey} is in this run. */
  boolean holds(String sortKey);
}
