package io.evaljobs.scoring;

import io.evaljobs.dynamodb.ItemFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * One way to read a whole listing: an index partition read newest first, with the filters the partition does not
 * already decide applied as a FilterExpression. Every stream of a listing yields the same jobs; they differ only in
 * how many items they examine to get there, which is why a reader may switch between them at any sort key.
 *
 * @param keyedOn the filter whose index is read; empty for the tenant's own index
 * @param remaining equality on the listing's other filters; empty when the partition alone decides
 */
record JobStream(
    Optional<JobFilter> keyedOn,
    String indexName,
    String partitionAttribute,
    String partitionValue,
    Optional<ItemFilter> remaining) {

  private static final List<String> PROJECTED = projected();

  boolean filtered() {
    return remaining.isPresent();
  }

  /**
   * The Query for the stream's items below {@code frontier} (all of them when empty), newest first, examining at
   * most {@code limit}. The frontier is a key condition rather than an ExclusiveStartKey, so the store seeks to it.
   */
  QueryRequest below(String tableName, Optional<String> frontier, int limit) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#pk", partitionAttribute);
    values.put(":pk", AttributeValue.fromS(partitionValue));
    String keyCondition = "#pk = :pk";
    if (frontier.isPresent()) {
      names.put("#sk", ScoringJobTable.CREATED_SK);
      values.put(":below", AttributeValue.fromS(frontier.get()));
      keyCondition += " AND #sk < :below";
    }
    StringJoiner projection = new StringJoiner(",");
    for (int i = 0; i < PROJECTED.size(); i++) {
      names.put("#r" + i, PROJECTED.get(i));
      projection.add("#r" + i);
    }
    QueryRequest.Builder builder =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(indexName)
            .keyConditionExpression(keyCondition)
            .scanIndexForward(false)
            .limit(limit)
            .select(Select.SPECIFIC_ATTRIBUTES)
            .projectionExpression(projection.toString())
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    remaining.ifPresent(filter -> {
      builder.filterExpression(filter.expression());
      names.putAll(filter.names());
      values.putAll(filter.values());
    });
    return builder.expressionAttributeNames(names).expressionAttributeValues(values).build();
  }

  /** What a page shows, and the sort key that becomes the next frontier. */
  private static List<String> projected() {
    List<String> attributes = new ArrayList<>(ScoringJobTable.RETURNED_ATTRIBUTES);
    attributes.add(ScoringJobTable.CREATED_SK);
    return List.copyOf(attributes);
  }
}
