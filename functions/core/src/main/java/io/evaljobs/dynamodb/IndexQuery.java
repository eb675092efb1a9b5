package io.evaljobs.dynamodb;

import java.util.List;
import java.util.Optional;

/**
 * One listing as DynamoDB reads it: a partition of a GSI, cut into segments that are read one after the other (each
 * a key condition on the sort key), in ascending or descending sort key order, optionally filtered.
 *
 * @param keyAttributes the attributes that make up an exclusive start key on this index: the index's partition and
 *     sort key and the table's own key attributes
 */
public record IndexQuery(
    String tableName,
    String indexName,
    String partitionKeyAttribute,
    String partitionKeyValue,
    String sortKeyAttribute,
    List<SortKeyCondition> segments,
    boolean ascending,
    Optional<ItemFilter> filter,
    List<String> keyAttributes) {

  public IndexQuery {
    segments = List.copyOf(segments);
    keyAttributes = List.copyOf(keyAttributes);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a query reads at least one segment");
    }
  }
}
