package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.ReadStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads one counter family's day or hour counters over a span of creation times, in either order. A read's first
 * request can be made ahead of time ({@link #first}) and the read finished later from it ({@link #visit(Batch,
 * Visitor)}), so reads of several spans can overlap.
 */
final class CreationCounters {
  /** Pages of a read that may stop early stay small, so it reads little more than it needs. */
  private static final int COUNTERS_PER_EARLY_STOP_REQUEST = 400;

  /** Looks at one unit's counter; true to stop reading. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(Instant unitStart, long count);
  }

  /**
   * The non-empty counters of {@code level} for the whole units in [from, until) of {@code partition}, oldest first
   * when {@code ascending}; a read that {@code mayStopEarly} is made in smaller requests.
   */
  record Span(
      String partition, JobCountTable.Level level, Instant from, Instant until, boolean ascending,
      boolean mayStopEarly) {}

  /** One request's counters (unit start, count) and the key the span's read resumes from, empty when it is done. */
  record Batch(Span span, List<Unit> units, ReadStats stats, Map<String, AttributeValue> resume) {
    Batch {
      units = List.copyOf(units);
      resume = Map.copyOf(resume);
    }
  }

  /** One day's or hour's count. */
  record Unit(Instant start, long count) {}

  private final DynamoDbClient dynamo;
  private final String countsTable;

  CreationCounters(DynamoDbClient dynamo, String countsTable) {
    this.dynamo = dynamo;
    this.countsTable = countsTable;
  }

  /** Visits {@code span}'s counters until the visitor stops; returns what reading them cost. */
  ReadStats visit(Span span, Visitor visitor) {
    return visit(first(span), visitor);
  }

  /** Visits the counters of {@code first} and of the rest of its span until the visitor stops; what it all cost. */
  ReadStats visit(Batch first, Visitor visitor) {
    ReadStats stats = ReadStats.NONE;
    Batch batch = first;
    while (true) {
      stats = stats.plus(batch.stats());
      for (Unit unit : batch.units()) {
        if (visitor.visit(unit.start(), unit.count())) {
          return stats;
        }
      }
      if (batch.resume().isEmpty()) {
        return stats;
      }
      batch = read(batch.span(), batch.resume());
    }
  }

  /** The first request of {@code span}'s read; nothing is read when the span holds no whole unit. */
  Batch first(Span span) {
    if (!span.from().isBefore(span.until())) {
      return new Batch(span, List.of(), ReadStats.NONE, Map.of());
    }
    return read(span, Map.of());
  }

  private Batch read(Span span, Map<String, AttributeValue> startKey) {
    JobCountTable.Level level = span.level();
    Map<String, AttributeValue> values =
        Map.of(
            ":pk", AttributeValue.fromS(span.partition()),
            ":first", AttributeValue.fromS(level.bucket(span.from())),
            ":last", AttributeValue.fromS(level.bucket(level.previous(span.until()))));
    QueryResponse response =
        dynamo.query(
            b -> b.tableName(countsTable)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :first AND :last")
                .projectionExpression("#sk, #n")
                .expressionAttributeNames(
                    Map.of("#pk", JobCountTable.PK, "#sk", JobCountTable.SK, "#n", JobCountTable.N))
                .expressionAttributeValues(values)
                .scanIndexForward(span.ascending())
                .limit(span.mayStopEarly() ? COUNTERS_PER_EARLY_STOP_REQUEST : null)
                .exclusiveStartKey(startKey.isEmpty() ? null : startKey)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    List<Unit> units = new ArrayList<>(response.items().size());
    for (Map<String, AttributeValue> item : response.items()) {
      long n = number(item);
      if (n > 0) {
        units.add(new Unit(level.start(item.get(JobCountTable.SK).s()), n));
      }
    }
    return new Batch(
        span, units, ReadStats.of(response), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of());
  }

  static long number(Map<String, AttributeValue> item) {
    AttributeValue n = item.get(JobCountTable.N);
    return n == null || n.n() == null ? 0 : Long.parseLong(n.n());
  }
}
