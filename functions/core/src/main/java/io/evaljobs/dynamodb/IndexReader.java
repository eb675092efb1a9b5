package io.evaljobs.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads, skips and counts the items of an {@link IndexQuery} with DynamoDB Query, segment after segment, resuming
 * from a {@link Position}. Never scans: every request is a Query on one index partition.
 */
public final class IndexReader {
  /** DynamoDB's own cap on Limit is none, but a page past this is never useful to one API page. */
  private static final int MAX_LIMIT = 1000;

  private static final int FILTERED_READ_AHEAD = 4;

  /** Filtered skips this short are read as keys, so that they stop exactly at their last match. */
  private static final int MAX_FILTERED_SKIP = 100_000;

  private final DynamoDbClient dynamo;

  public IndexReader(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Reads up to {@code max} items after {@code from}, moving in {@code direction}, within {@code budget}. */
  public ReadResult read(IndexQuery query, Position from, Direction direction, int max, ReadBudget budget) {
    checkPosition(query, from);
    List<Hit> hits = new ArrayList<>(Math.min(max, 128));
    ReadStats stats = ReadStats.NONE;
    int segment = from.segment();
    Map<String, AttributeValue> startKey = toAttributes(from.lastKey());
    while (hits.size() < max) {
      if (segment < 0 || segment >= query.segments().size()) {
        return new ReadResult(hits, Optional.empty(), stats);
      }
      if (!budget.allowsMoreAfter(stats)) {
        return new ReadResult(hits, Optional.of(new Position(segment, toStrings(startKey))), stats);
      }
      int wanted = max - hits.size();
      int limit = query.filter().isPresent() ? wanted * FILTERED_READ_AHEAD + 16 : wanted;
      // Limit caps the items a Query examines, so the last request of a read cannot overshoot the item budget.
      long budgetLeft = budget.maxItemsExamined() - stats.itemsExamined();
      limit = (int) Math.min(Math.min(limit, MAX_LIMIT), budgetLeft);
      QueryResponse response =
          dynamo.query(request(query, segment, direction, startKey, limit, Select.ALL_ATTRIBUTES));
      stats = stats.plus(ReadStats.of(response));
      for (Map<String, AttributeValue> item : response.items()) {
        hits.add(new Hit(item, segment));
        if (hits.size() == max) {
          return new ReadResult(hits, Optional.of(positionAfter(query, hits.get(hits.size() - 1))), stats);
        }
      }
      if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
        startKey = response.lastEvaluatedKey();
      } else {
        segment = direction == Direction.FORWARD ? segment + 1 : segment - 1;
        startKey = Map.of();
      }
    }
    return new ReadResult(hits, Optional.of(new Position(segment, toStrings(startKey))), stats);
  }

  /**
   * Moves forward past {@code n} items from the start of the listing, counting with Select COUNT so that no item is
   * transferred, within {@code budget}. Stopped by the budget, it reports fewer skipped and not exhausted.
   */
  public SkipResult skip(IndexQuery query, long n, ReadBudget budget) {
    if (query.filter().isPresent() && n <= MAX_FILTERED_SKIP) {
      return skipFiltered(query, (int) n, budget);
    }
    ReadStats stats = ReadStats.NONE;
    long skipped = 0;
    int segment = 0;
    Map<String, AttributeValue> startKey = Map.of();
    while (skipped < n) {
      if (segment >= query.segments().size()) {
        return new SkipResult(Position.startOf(segment), skipped, true, stats);
      }
      if (!budget.allowsMoreAfter(stats)) {
        return new SkipResult(new Position(segment, toStrings(startKey)), skipped, false, stats);
      }
      long budgetLeft = budget.maxItemsExamined() - stats.itemsExamined();
      int limit = (int) Math.min(Math.min(n - skipped, MAX_LIMIT), budgetLeft);
      QueryResponse response =
          dynamo.query(request(query, segment, Direction.FORWARD, startKey, limit, Select.COUNT));
      stats = stats.plus(ReadStats.of(response));
      skipped += response.count();
      if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
        startKey = response.lastEvaluatedKey();
      } else {
        segment++;
        startKey = Map.of();
      }
    }
    return new SkipResult(new Position(segment, toStrings(startKey)), skipped, false, stats);
  }

  /**
   * A COUNT's Limit caps the items it examines, not the matches, so under a filter it cannot stop at the n-th match
   * without creeping towards it request by request. Reading the keys instead stops exactly there, at the same read
   * capacity (DynamoDB charges for the items examined either way).
   */
  private SkipResult skipFiltered(IndexQuery query, int n, ReadBudget budget) {
    IndexQuery keysOnly = query.toBuilder().returnedAttributes(query.keyAttributes()).build();
    ReadResult read = read(keysOnly, Position.startOf(0), Direction.FORWARD, n, budget);
    if (read.resume().isEmpty()) {
      return new SkipResult(Position.startOf(query.segments().size()), read.hits().size(), true, read.stats());
    }
    return new SkipResult(read.resume().get(), read.hits().size(), false, read.stats());
  }

  /** Counts every item of the listing. Its cost grows with the listing: callers carry the result along. */
  public CountResult count(IndexQuery query) {
    ReadStats stats = ReadStats.NONE;
    long count = 0;
    for (int segment = 0; segment < query.segments().size(); segment++) {
      Map<String, AttributeValue> startKey = Map.of();
      do {
        QueryResponse response =
            dynamo.query(request(query, segment, Direction.FORWARD, startKey, 0, Select.COUNT));
        stats = stats.plus(ReadStats.of(response));
        count += response.count();
        startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of();
      } while (!startKey.isEmpty());
    }
    return new CountResult(count, stats);
  }

  /** The position just after {@code hit}, whichever way it was read. */
  public static Position positionAfter(IndexQuery query, Hit hit) {
    Map<String, String> key = new LinkedHashMap<>();
    for (String attribute : query.keyAttributes()) {
      AttributeValue value = hit.item().get(attribute);
      if (value == null || value.s() == null) {
        throw new IllegalStateException("index item lacks key attribute " + attribute);
      }
      key.put(attribute, value.s());
    }
    return new Position(hit.segment(), key);
  }

  /** Throws {@link IllegalArgumentException} for a position that does not belong to {@code query}'s listing. */
  public static void checkPosition(IndexQuery query, Position from) {
    String partition = from.lastKey().get(query.partitionKeyAttribute());
    if (partition != null && !partition.equals(query.partitionKeyValue())) {
      throw new IllegalArgumentException("position belongs to another partition");
    }
    if (!from.atSegmentStart() && !from.lastKey().keySet().containsAll(query.keyAttributes())) {
      throw new IllegalArgumentException("position lacks key attributes of this index");
    }
  }

  private static QueryRequest request(
      IndexQuery query,
      int segment,
      Direction direction,
      Map<String, AttributeValue> startKey,
      int limit,
      Select select) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#pk", query.partitionKeyAttribute());
    names.put("#sk", query.sortKeyAttribute());
    values.put(":pk", AttributeValue.fromS(query.partitionKeyValue()));
    boolean scanForward = query.ascending() == (direction == Direction.FORWARD);
    SortKeyCondition condition = query.segments().get(segment);
    AttributeValue resumeSortKey = startKey.get(query.sortKeyAttribute());
    if (resumeSortKey != null && resumeSortKey.s() != null) {
      condition = condition.resumingAt(resumeSortKey.s(), scanForward);
    }
    String keyCondition = "#pk = :pk AND " + condition.render("#sk", values);
    QueryRequest.Builder builder =
        QueryRequest.builder()
            .tableName(query.tableName())
            .indexName(query.indexName().orElse(null))
            .keyConditionExpression(keyCondition)
            .scanIndexForward(scanForward)
            .select(select)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    query.filter().ifPresent(filter -> {
      builder.filterExpression(filter.expression());
      names.putAll(filter.names());
      values.putAll(filter.values());
    });
    if (select == Select.ALL_ATTRIBUTES && !query.returnedAttributes().isEmpty()) {
      // Only what a page shows and what a position is made of: less to send, parse and hold than whole items.
      Set<String> attributes = new LinkedHashSet<>(query.keyAttributes());
      attributes.addAll(query.returnedAttributes());
      StringJoiner projection = new StringJoiner(",");
      int n = 0;
      for (String attribute : attributes) {
        names.put("#r" + n, attribute);
        projection.add("#r" + n++);
      }
      builder.select(Select.SPECIFIC_ATTRIBUTES).projectionExpression(projection.toString());
    }
    if (limit > 0) {
      builder.limit(limit);
    }
    if (!startKey.isEmpty()) {
      builder.exclusiveStartKey(startKey);
    }
    return builder.expressionAttributeNames(names).expressionAttributeValues(values).build();
  }

  private static Map<String, AttributeValue> toAttributes(Map<String, String> key) {
    Map<String, AttributeValue> out = new HashMap<>();
    key.forEach((name, value) -> out.put(name, AttributeValue.fromS(value)));
    return out;
  }

  private static Map<String, String> toStrings(Map<String, AttributeValue> key) {
    Map<String, String> out = new LinkedHashMap<>();
    key.forEach((name, value) -> out.put(name, value.s()));
    return out;
  }
}
