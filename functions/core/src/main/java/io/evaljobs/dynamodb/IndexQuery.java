package io.evaljobs.dynamodb;

import java.util.List;
import java.util.Optional;

/**
 * One listing as DynamoDB reads it: a partition of a GSI, cut into segments that are read one after the other (each
 * a key condition on the sort key), in ascending or descending sort key order, optionally filtered.
 *
 * @param keyAttributes the attributes that make up an exclusive start key on this index: the index's partition and
 *     sort key and the table's own key attributes
 * @param returnedAttributes the attributes a page of this listing shows, read besides the key attributes; empty to
 *     read whole items
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
    List<String> keyAttributes,
    List<String> returnedAttributes) {

  public IndexQuery {
    segments = List.copyOf(segments);
    keyAttributes = List.copyOf(keyAttributes);
    returnedAttributes = List.copyOf(returnedAttributes);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a query reads at least one segment");
    }
  }
}
