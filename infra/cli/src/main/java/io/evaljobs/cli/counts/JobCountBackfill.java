package io.evaljobs.cli.counts;

import io.evaljobs.counts.CountTransactions;
import io.evaljobs.counts.JobCountWriter;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.CounterKey;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.retry.Backoff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Counts the jobs a table held before its stream was counted (a table created before the counts existed), safe to
 * run while the stream is being counted and to run again: each job is counted as it is at that moment, checked in
 * the same transaction that writes its ledger, and only where no ledger exists yet. The stream consumer then counts
 * later changes from the state the ledger holds.
 */
public final class JobCountBackfill {

  /** What a backfill did: jobs read, counted now, found counted already, and re-read because they changed. */
  public record Result(long scanned, long counted, long alreadyCounted, long reread) {}

  private final DynamoDbClient dynamo;
  private final String jobsTable;
  private final String countsTable;
  private final Backoff backoff;

  public JobCountBackfill(DynamoDbClient dynamo, String jobsTable, String countsTable) {
    this(dynamo, jobsTable, countsTable, JobCountWriter.CONFLICT_BACKOFF);
  }

  JobCountBackfill(DynamoDbClient dynamo, String jobsTable, String countsTable, Backoff backoff) {
    this.dynamo = dynamo;
    this.jobsTable = jobsTable;
    this.countsTable = countsTable;
    this.backoff = backoff;
  }

  /** Scans the whole jobs table; {@code progress} hears the number of items read after each scan page. */
  public Result run(LongConsumer progress) {
    long[] totals = new long[4];
    dynamo.scanPaginator(b -> b.tableName(jobsTable).consistentRead(true)).forEach(page -> {
      List<CountedJob> jobs = new ArrayList<>();
      page.items().forEach(item -> EvaluationTable.countedJob(item).ifPresent(jobs::add));
      totals[0] += page.items().size();
      // A condition check and a ledger per job, plus the counters the jobs share.
      for (List<CountedJob> chunk : CountTransactions.chunks(jobs, 2, JobCountTable::countersOf)) {
        count(chunk, totals);
      }
      progress.accept(totals[0]);
    });
    return new Result(totals[0], totals[1], totals[2], totals[3]);
  }

  private void count(List<CountedJob> jobs, long[] totals) {
    List<CountedJob> pending = jobs;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (!backoff.allows(attempt)) {
        throw new IllegalStateException(
            "backfill transaction kept being cancelled after " + backoff.maxAttempts() + " attempts");
      }
      if (attempt > 1) {
        backoff.pauseAfter(attempt - 1);
      }
      try {
        write(pending);
        totals[1] += pending.size();
        pending = List.of();
      } catch (TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
          throw e;
        }
        List<CancellationReason> reasons = e.cancellationReasons();
        List<CountedJob> retry = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
          String check = code(reasons, 2 * i);
          String ledger = code(reasons, 2 * i + 1);
          CountedJob job = pending.get(i);
          if (ledger.equals("ConditionalCheckFailed")) {
            totals[2]++;
          } else if (check.equals("ConditionalCheckFailed")) {
            // Changed or removed since the scan: count it as it is now, if it still is a job.
            totals[3]++;
            current(job).ifPresent(retry::add);
          } else if (check.equals("None") && ledger.equals("None") || CountTransactions.isTransient(check) || CountTransactions.isTransient(ledger)) {
            retry.add(job);
          } else {
            throw e;
          }
        }
        pending = retry;
      }
    }
  }

  private static String code(List<CancellationReason> reasons, int index) {
    return index < reasons.size() ? Optional.ofNullable(reasons.get(index).code()).orElse("None") : "None";
  }

  private Optional<CountedJob> current(CountedJob job) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(jobsTable).key(jobKey(job)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : EvaluationTable.countedJob(item);
  }

  private void write(List<CountedJob> jobs) {
    List<TransactWriteItem> actions = new ArrayList<>();
    Map<CounterKey, Long> counters = new LinkedHashMap<>();
    for (CountedJob job : jobs) {
      actions.add(TransactWriteItem.builder().conditionCheck(unchanged(job)).build());
      actions.add(TransactWriteItem.builder().put(ledger(job)).build());
      JobCountTable.countersOf(job).forEach(key -> counters.merge(key, 1L, Long::sum));
    }
    counters.forEach((key, n) ->
        actions.add(TransactWriteItem.builder().update(JobCountWriter.counterUpdate(countsTable, key, n)).build()));
    dynamo.transactWriteItems(b -> b.transactItems(actions));
  }

  /** The job still stands as read: the fields the counters see are what they were. */
  private ConditionCheck unchanged(CountedJob job) {
    Map<String, String> names = new HashMap<>();
    names.put("#status", EvaluationTable.STATUS);
    names.put("#created", EvaluationTable.CREATED_AT);
    names.put("#judge", EvaluationTable.JUDGE_ID);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", AttributeValue.fromS(job.status().wireName()));
    values.put(":created", AttributeValue.fromS(SortableValues.timestamp(job.createdAt())));
    String judge;
    if (job.judgeId().isPresent()) {
      values.put(":judge", AttributeValue.fromS(job.judgeId().get()));
      judge = "#judge = :judge";
    } else {
      judge = "attribute_not_exists(#judge)";
    }
    return ConditionCheck.builder()
        .tableName(jobsTable)
        .key(jobKey(job))
        .conditionExpression("#status = :status AND #created = :created AND " + judge)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  private Put ledger(CountedJob job) {
    Map<String, AttributeValue> item = new HashMap<>(JobCountTable.ledgerKey(job.organization(), job.jobId()));
    item.put(JobCountTable.SEQUENCE, AttributeValue.fromS(JobCountTable.BEFORE_ANY_RECORD));
    item.put(JobCountTable.STATE, AttributeValue.fromS(JobCountTable.state(Optional.of(job))));
    return Put.builder()
        .tableName(countsTable)
        .item(item)
        .conditionExpression("attribute_not_exists(#seq)")
        .expressionAttributeNames(Map.of("#seq", JobCountTable.SEQUENCE))
        .build();
  }

  private static Map<String, AttributeValue> jobKey(CountedJob job) {
    return Map.of(
        EvaluationTable.ORGANIZATION, AttributeValue.fromS(job.organization()),
        EvaluationTable.JOB_ID, AttributeValue.fromS(job.jobId()));
  }
}
