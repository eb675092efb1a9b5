package io.evaljobs.counts;

import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.CounterKey;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Applies stream records of the evaluations table to the counts table exactly once, however often a batch is
 * delivered: each job's ledger and the counters its changes move are written in one transaction, under the
 * condition that the ledger has not seen those records and counts the state they start from. When it does not (a
 * replay, a job counted by a backfill, or one that existed before the stream and was never counted), the ledger
 * returned by the cancellation says what to count instead. Changes of many jobs share a transaction (up to
 * DynamoDB's 100 actions), so a bulk load costs a few transactions per hundred jobs, not one per job.
 */
public final class JobCountWriter {
  /** Transactions cancelled by a concurrent writer of the same counters are retried after a short, jittered wait. */
  public static final Backoff CONFLICT_BACKOFF = Backoff.exponential(10, Duration.ofMillis(20), Duration.ofSeconds(1));

  /** Longer than a stream keeps records (24 h), so no replay of a removed job can outlive its ledger. */
  private static final Duration LEDGER_AFTER_REMOVAL = Duration.ofDays(2);

  /** What applying a batch did. */
  public record Applied(int jobs, int transactions, int replaysSkipped, int conflictsRetried) {}

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final Clock clock;
  private final Backoff backoff;

  public JobCountWriter(DynamoDbClient dynamo, String tableName, Clock clock) {
    this(dynamo, tableName, clock, CONFLICT_BACKOFF);
  }

  JobCountWriter(DynamoDbClient dynamo, String tableName, Clock clock, Backoff backoff) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.clock = clock;
    this.backoff = backoff;
  }

  /** Applies {@code changes}, given in stream order (per job, as DynamoDB Streams delivers them). */
  public Applied apply(List<JobChange> changes) {
    Map<List<String>, List<JobChange>> byJob = new LinkedHashMap<>();
    for (JobChange change : changes) {
      byJob.computeIfAbsent(List.of(change.organization(), change.jobId()), k -> new ArrayList<>()).add(change);
    }
    List<JobHistory> moving = new ArrayList<>();
    for (Map.Entry<List<String>, List<JobChange>> job : byJob.entrySet()) {
      JobHistory history = new JobHistory(job.getKey().get(0), job.getKey().get(1), job.getValue());
      if (!history.deltas().isEmpty()) {
        moving.add(history);
      }
    }
    int transactions = 0;
    int skipped = 0;
    int conflicts = 0;
    for (List<JobHistory> chunk : CountTransactions.chunks(moving, 1, h -> h.deltas().keySet())) {
      List<JobHistory> pending = chunk;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (!backoff.allows(attempt)) {
          throw new IllegalStateException(
              "counts transaction kept being cancelled after " + backoff.maxAttempts() + " attempts");
        }
        transactions++;
        try {
          write(pending);
          pending = List.of();
        } catch (TransactionCanceledException e) {
          Retry retry = retryOf(pending, e);
          skipped += retry.skipped();
          if (retry.conflict()) {
            conflicts++;
            backoff.pauseAfter(attempt);
          }
          pending = retry.pending();
        }
      }
    }
    return new Applied(moving.size(), transactions, skipped, conflicts);
  }

  private void write(List<JobHistory> histories) {
    List<TransactWriteItem> actions = new ArrayList<>();
    Map<CounterKey, Long> counters = new LinkedHashMap<>();
    for (JobHistory history : histories) {
      actions.add(TransactWriteItem.builder().update(ledgerUpdate(history)).build());
      history.deltas().forEach((key, delta) -> counters.merge(key, delta, Long::sum));
    }
    counters.forEach((key, delta) -> {
      if (delta != 0) {
        actions.add(TransactWriteItem.builder().update(counterUpdate(tableName, key, delta)).build());
      }
    });
    dynamo.transactWriteItems(b -> b.transactItems(actions));
  }

  private Update ledgerUpdate(JobHistory history) {
    Map<String, String> names = new HashMap<>();
    names.put("#seq", JobCountTable.SEQUENCE);
    names.put("#state", JobCountTable.STATE);
    names.put("#exp", JobCountTable.EXPIRES_AT);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":first", AttributeValue.fromS(history.firstSequence()));
    values.put(":last", AttributeValue.fromS(history.lastSequence()));
    values.put(":base", AttributeValue.fromS(JobCountTable.state(history.base())));
    values.put(":state", AttributeValue.fromS(JobCountTable.state(history.last())));
    String expression;
    if (history.removed()) {
      values.put(":exp", AttributeValue.fromN(Long.toString(clock.instant().plus(LEDGER_AFTER_REMOVAL).getEpochSecond())));
      expression = "SET #seq = :last, #state = :state, #exp = :exp";
    } else {
      expression = "SET #seq = :last, #state = :state REMOVE #exp";
    }
    // No ledger means nothing of the job is counted yet, which only a base of nothing may assume.
    String condition =
        history.base().isEmpty()
            ? "attribute_not_exists(#seq) OR (#seq < :first AND #state = :base)"
            : "#seq < :first AND #state = :base";
    return Update.builder()
        .tableName(tableName)
        .key(JobCountTable.ledgerKey(history.organization(), history.jobId()))
        .updateExpression(expression)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /** {@code ADD n :delta} to one counter: how every writer of the counts moves them. */
  public static Update counterUpdate(String tableName, CounterKey key, long delta) {
    return Update.builder()
        .tableName(tableName)
        .key(key.toKey())
        .updateExpression("ADD #n :delta")
        .expressionAttributeNames(Map.of("#n", JobCountTable.N))
        .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Long.toString(delta))))
        .build();
  }

  /** What a cancelled transaction leaves to write, how many records it found counted, and whether to back off. */
  private record Retry(List<JobHistory> pending, int skipped, boolean conflict) {}

  /**
   * What to try again after a cancellation: a history whose ledger refused it is rebased on that ledger (without
   * the records it counted already, from the state it counts; no ledger counts nothing); conflicts with a
   * concurrent transaction and throttling are retried as they are; any other reason is not ours to handle.
   */
  private static Retry retryOf(List<JobHistory> histories, TransactionCanceledException e) {
    if (!e.hasCancellationReasons()) {
      throw e;
    }
    List<CancellationReason> reasons = e.cancellationReasons();
    List<JobHistory> pending = new ArrayList<>();
    int skipped = 0;
    boolean conflict = false;
    for (int i = 0; i < reasons.size(); i++) {
      String code = Optional.ofNullable(reasons.get(i).code()).orElse("None");
      if (i < histories.size() && code.equals("ConditionalCheckFailed")) {
        JobHistory history = histories.get(i);
        Map<String, AttributeValue> ledger =
            reasons.get(i).hasItem() ? reasons.get(i).item() : Map.of();
        String counted =
            Optional.ofNullable(ledger.get(JobCountTable.SEQUENCE)).map(AttributeValue::s).orElse("");
        Optional<CountedJob> state =
            JobCountTable.stateOf(
                history.organization(), history.jobId(),
                Optional.ofNullable(ledger.get(JobCountTable.STATE)).map(AttributeValue::s));
        Optional<JobHistory> rest = history.rebased(counted, state);
        skipped += history.changes().size() - rest.map(h -> h.changes().size()).orElse(0);
        rest.filter(h -> !h.deltas().isEmpty()).ifPresent(pending::add);
      } else if (CountTransactions.isTransient(code)) {
        conflict = true;
      } else if (!code.equals("None")) {
        throw e;
      }
    }
    for (int i = 0; i < histories.size(); i++) {
      String code = i < reasons.size() ? Optional.ofNullable(reasons.get(i).code()).orElse("None") : "None";
      if (!code.equals("ConditionalCheckFailed")) {
        pending.add(histories.get(i));
      }
    }
    return new Retry(pending, skipped, conflict);
  }
}
