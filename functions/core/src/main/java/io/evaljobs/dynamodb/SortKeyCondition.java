package io.evaljobs.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sort key part of a Query's key condition: one contiguous run of an index partition. Each condition renders
 * its own expression ({@link #render}).
 */
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

    @Override
    public String render(String sortKeyName, Map<String, AttributeValue> values) {
      values.put(":lo", AttributeValue.fromS(lowest));
      values.put(":hi", AttributeValue.fromS(highest));
      return sortKeyName + " BETWEEN :lo AND :hi";
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

    @Override
    public String render(String sortKeyName, Map<String, AttributeValue> values) {
      values.put(":prefix", AttributeValue.fromS(prefix));
      return "begins_with(" + sortKeyName + ", :prefix)";
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

  /**
   * This run as the sort key part of a key condition expression on {@code sortKeyName} (an expression attribute
   * name), adding the values it refers to to {@code values}.
   */
  String render(String sortKeyName, Map<String, AttributeValue> values);
}
