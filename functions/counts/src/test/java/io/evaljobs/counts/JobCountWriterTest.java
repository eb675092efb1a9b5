package io.evaljobs.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class JobCountWriterTest {
  private static final Instant CREATED = Instant.parse("2025-03-01T10:15:00Z");
  private static final Clock CLOCK = Clock.fixed(CREATED.plusSeconds(60), ZoneOffset.UTC);

  /** Cancels the first {@code conflicts} transactions as a concurrent writer of the same counters would. */
  private static final class ConflictingDynamoDb implements DynamoDbClient {
    private final int conflicts;
    int transactions;

    ConflictingDynamoDb(int conflicts) {
      this.conflicts = conflicts;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
      transactions++;
      if (transactions <= conflicts) {
        List<CancellationReason> reasons = new ArrayList<>();
        request.transactItems().forEach(item -> reasons.add(CancellationReason.builder().code("None").build()));
        reasons.set(0, CancellationReason.builder().code("TransactionConflict").build());
        throw TransactionCanceledException.builder().cancellationReasons(reasons).message("conflict").build();
      }
      return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
      return transactWriteItems(TransactWriteItemsRequest.builder().applyMutation(request).build());
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private static List<JobChange> insertOfOneJob() {
    CountedJob job = new CountedJob("acme", "j-1", EvaluationStatus.QUEUED, Optional.of("judge-a"), CREATED);
    return List.of(new JobChange(JobCountTable.sequence("100"), "acme", "j-1", Optional.empty(), Optional.of(job)));
  }

  @Test
  void apply_conflictingTransactions_retriesAfterAPauseEachUntilWritten() {
    ConflictingDynamoDb dynamo = new ConflictingDynamoDb(3);
    List<Duration> pauses = new ArrayList<>();
    Backoff backoff = Backoff.exponential(10, Duration.ofMillis(20), Duration.ofSeconds(1)).withSleeper(pauses::add);

    JobCountWriter.Applied applied = new JobCountWriter(dynamo, "counts", CLOCK, backoff).apply(insertOfOneJob());

    assertEquals(4, dynamo.transactions);
    assertEquals(3, applied.conflictsRetried());
    assertEquals(3, pauses.size());
    assertTrue(pauses.stream().allMatch(p -> p.toMillis() <= 1_000), pauses.toString());
  }

  @Test
  void apply_conflictsBeyondTheAttempts_throwsAfterTheLastAttempt() {
    ConflictingDynamoDb dynamo = new ConflictingDynamoDb(Integer.MAX_VALUE);
    List<Duration> pauses = new ArrayList<>();
    Backoff backoff = Backoff.exponential(4, Duration.ofMillis(20), Duration.ofSeconds(1)).withSleeper(pauses::add);

    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> new JobCountWriter(dynamo, "counts", CLOCK, backoff).apply(insertOfOneJob()));

    assertTrue(failure.getMessage().contains("after 4 attempts"), failure.getMessage());
    assertEquals(4, dynamo.transactions);
  }
}
