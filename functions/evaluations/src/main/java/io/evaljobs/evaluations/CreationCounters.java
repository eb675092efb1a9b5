package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.ReadStats;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** Reads one counter family's day or hour counters over a span of creation times, in either order. */
final class CreationCounters {
  /** Pages of a read that may stop early stay small, so it reads little more than it needs. */
  private static final int COUNTERS_PER_EARLY_STOP_REQUEST = 400;

  /** Looks at one unit's counter; true to stop reading. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(Instant unitStart, long count);
  }

  private final DynamoDbClient dynamo;
  private final String countsTable;

  CreationCounters(DynamoDbClient dynamo, String countsTable) {
    this.dynamo = dynamo;
    this.countsTable = countsTable;
  }

  /**
   * Visits the non-empty counters of {@code level} for the whole units in [from, until) of {@code partition}, oldest
   * first when {@code ascending}, until the visitor stops; returns what reading them cost. A visitor that
   * {@code mayStopEarly} gets them in smaller requests; one that reads them all in as few as DynamoDB allows.
   */
  ReadStats visit(
      String partition, JobCountTable.Level level, Instant from, Instant until, boolean ascending,
      boolean mayStopEarly, Visitor visitor) {
    if (!from.isBefore(until)) {
      return ReadStats.NONE;
    }
    Map<String, AttributeValue> values =
        Map.of(
            ":pk", AttributeValue.fromS(partition),
            ":first", AttributeValue.fromS(level.bucket(from)),
            ":last", AttributeValue.fromS(level.bucket(level.previous(until))));
    ReadStats stats = ReadStats.NONE;
    Map<String, AttributeValue> startKey = Map.of();
    do {
      Map<String, AttributeValue> exclusiveStart = startKey;
      QueryResponse response =
          dynamo.query(
              b -> b.tableName(countsTable)
                  .keyConditionExpression("#pk = :pk AND #sk BETWEEN :first AND :last")
                  .projectionExpression("#sk, #n")
                  .expressionAttributeNames(
                      Map.of("#pk", JobCountTable.PK, "#sk", JobCountTable.SK, "#n", JobCountTable.N))
                  .expressionAttributeValues(values)
                  .scanIndexForward(ascending)
                  .limit(mayStopEarly ? COUNTERS_PER_EARLY_STOP_REQUEST : null)
                  .exclusiveStartKey(exclusiveStart.isEmpty() ? null : exclusiveStart)
                  .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      stats = stats.plus(ReadStats.of(response));
      for (Map<String, AttributeValue> item : response.items()) {
        long n = number(item);
        if (n > 0 && visitor.visit(level.start(item.get(JobCountTable.SK).s()), n)) {
          return stats;
        }
      }
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of();
    } while (!startKey.isEmpty());
    return stats;
  }

  static long number(Map<String, AttributeValue> item) {
    AttributeValue n = item.get(JobCountTable.N);
    return n == null || n.n() == null ? 0 : Long.parseLong(n.n());
  }
}
