package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.CountResult;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ReadStats;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The {@code total_count} of a listing, read from the counters the stream keeps instead of counted item by item:
 * one GetItem without a creation range; with one, the whole days and hours inside it from their counters and only
 * the partial hours at its two ends from the index. Its cost depends on the range's length and on how many jobs
 * were created in those two partial hours, never on the size of the table.
 */
final class JobCounter {
  private final DynamoDbClient dynamo;
  private final IndexReader indexReader;
  private final String jobsTable;
  private final String countsTable;
  private final CreationCounters counters;

  JobCounter(DynamoDbClient dynamo, IndexReader indexReader, String jobsTable, String countsTable) {
    this.dynamo = dynamo;
    this.indexReader = indexReader;
    this.jobsTable = jobsTable;
    this.countsTable = countsTable;
    this.counters = new CreationCounters(dynamo, countsTable);
  }

  CountResult count(String organization, EvaluationQuery query, CreatedRange range) {
    String partition = JobCountTable.partition(organization, query.status(), query.judgeId());
    if (range.isAll()) {
      return total(partition);
    }
    Tally tally = new Tally();
    Instant from = range.lowest();
    Instant until = range.highest().plusNanos(1);
    JobCountTable.Level finest = JobCountTable.Level.values()[0];
    Instant alignedFrom = finest.ceil(from);
    Instant alignedUntil = finest.floor(until);
    if (!alignedFrom.isBefore(alignedUntil)) {
      tally.add(indexCount(organization, query, from, until));
      return tally.result();
    }
    if (from.isBefore(alignedFrom)) {
      tally.add(indexCount(organization, query, from, alignedFrom));
    }
    if (alignedUntil.isBefore(until)) {
      tally.add(indexCount(organization, query, alignedUntil, until));
    }
    JobCountTable.Level[] levels = JobCountTable.Level.values();
    for (int i = 0; i < levels.length; i++) {
      JobCountTable.Level level = levels[i];
      if (i == levels.length - 1) {
        tally.add(counterSum(partition, level, alignedFrom, alignedUntil));
        break;
      }
      JobCountTable.Level coarser = levels[i + 1];
      Instant coarserFrom = coarser.ceil(alignedFrom);
      Instant coarserUntil = coarser.floor(alignedUntil);
      if (!coarserFrom.isBefore(coarserUntil)) {
        tally.add(counterSum(partition, level, alignedFrom, alignedUntil));
        break;
      }
      tally.add(counterSum(partition, level, alignedFrom, coarserFrom));
      tally.add(counterSum(partition, level, coarserUntil, alignedUntil));
      alignedFrom = coarserFrom;
      alignedUntil = coarserUntil;
    }
    return tally.result();
  }

  private CountResult total(String partition) {
    GetItemResponse response =
        dynamo.getItem(
            b -> b.tableName(countsTable)
                .key(new CounterKey(partition, JobCountTable.ALL).toKey())
                .projectionExpression("#n")
                .expressionAttributeNames(Map.of("#n", JobCountTable.N))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    long n = response.hasItem() ? CreationCounters.number(response.item()) : 0;
    return new CountResult(Math.max(0, n), ReadStats.of(response));
  }

  /** The jobs created in [from, until), each read from the index: only ever a partial hour at a range's end. */
  private CountResult indexCount(String organization, EvaluationQuery query, Instant from, Instant until) {
    EvaluationQuery byCreation =
        new EvaluationQuery(
            query.status(), query.judgeId(), Optional.empty(), Optional.empty(), SortField.CREATED_AT, SortOrder.ASC);
    return indexReader.count(
        EvaluationTable.listing(jobsTable, organization, byCreation, new CreatedRange(from, until.minusNanos(1))));
  }

  /** The sum of {@code level}'s counters for the whole units in [from, until); nothing when the span is empty. */
  private CountResult counterSum(String partition, JobCountTable.Level level, Instant from, Instant until) {
    long[] sum = {0};
    ReadStats stats =
        counters.visit(new CreationCounters.Span(partition, level, from, until, true, false), (unit, n) -> {
          sum[0] += n;
          return false;
        });
    return new CountResult(sum[0], stats);
  }

  /** Adds up counts and what reading them cost. */
  private static final class Tally {
    private long count;
    private ReadStats stats = ReadStats.NONE;

    void add(CountResult part) {
      count += part.count();
      stats = stats.plus(part.stats());
    }

    CountResult result() {
      return new CountResult(Math.max(0, count), stats);
    }
  }
}
