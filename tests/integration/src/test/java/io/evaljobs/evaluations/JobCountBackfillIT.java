package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.cli.counts.JobCountBackfill;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A table that held jobs before its stream was turned on: the backfill, run while jobs keep changing and the
 * stream is being counted, and run twice, must leave counters equal to what the table holds at the end (the
 * oracle: every job's counters, recomputed from a scan of the final table).
 */
class JobCountBackfillIT {
  private static final long SEED = 77L;

  @Test
  void backfill_concurrentWithChangesAndTheStream_countsEveryJobOnce() throws Exception {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      DynamoDbClient client = dynamo.client();
      // Created as before the counts existed: no stream.
      CreateTableRequest withoutStream =
          TemplateTables.load().table(EvaluationTable.LOGICAL_ID).toCreateRequest("jobs").toBuilder()
              .streamSpecification((StreamSpecification) null)
              .build();
      client.createTable(withoutStream);
      Map<String, String> tables = TableProvisioner.createAll(client, TemplateTables.load(), id -> "jobs-" + id);
      String countsTable = tables.get(JobCountTable.LOGICAL_ID);
      Random random = new Random(SEED);
      RandomJobs jobs = new RandomJobs(random);
      JobWriter.writeAll(client, "jobs", jobs.generate(400));

      client.updateTable(b -> b.tableName("jobs").streamSpecification(
          StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
      try (EvaluationCountsPoller poller =
          new EvaluationCountsPoller(client, dynamo.streamsClient(), "jobs", countsTable)) {
        mutate(client, jobs, random, 80, "a");
        poller.drain();
        mutate(client, jobs, random, 80, "b");
        JobCountBackfill backfill = new JobCountBackfill(client, "jobs", countsTable);
        CompletableFuture<JobCountBackfill.Result> first =
            CompletableFuture.supplyAsync(() -> backfill.run(read -> {}));
        mutate(client, jobs, random, 120, "c");
        poller.drain();
        JobCountBackfill.Result result = first.get();
        assertTrue(result.counted() > 200, "most pre-existing jobs are counted by the backfill: " + result);
        mutate(client, jobs, random, 80, "d");
        poller.drain();
        JobCountBackfill.Result again = backfill.run(read -> {});
        assertEquals(0, again.counted(), "a second backfill finds every job counted: " + again);
        assertEquals(again.scanned(), again.alreadyCounted());
      }
      assertEquals(expectedCounters(client), actualCounters(client, countsTable));
    }
  }

  /** Changes as the jobs' owner makes them: new jobs, removals, and new statuses, judges and progress. */
  private static void mutate(DynamoDbClient client, RandomJobs jobs, Random random, int count, String round) {
    for (int i = 0; i < count; i++) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      client.scanPaginator(b -> b.tableName("jobs")).items().forEach(items::add);
      Map<String, AttributeValue> item = items.get(random.nextInt(items.size()));
      String organization = item.get(EvaluationTable.ORGANIZATION).s();
      int pick = random.nextInt(10);
      if (pick < 2) {
        EvaluationJob inserted = jobs.job(round + "-" + i);
        client.putItem(b -> b.tableName("jobs").item(EvaluationTable.toItem(organization, inserted)));
      } else if (pick < 4) {
        client.deleteItem(b -> b.tableName("jobs").key(Map.of(
            EvaluationTable.ORGANIZATION, item.get(EvaluationTable.ORGANIZATION),
            EvaluationTable.JOB_ID, item.get(EvaluationTable.JOB_ID))));
      } else {
        EvaluationJob changed = jobs.job(item.get(EvaluationTable.JOB_ID).s());
        EvaluationJob kept = EvaluationTable.fromItem(item);
        EvaluationJob next =
            new EvaluationJob(
                kept.jobId(), changed.status(), kept.totalItems(), kept.processedItems(), kept.failedItems(),
                changed.progressPercentage(), pick < 7 ? changed.judgeId() : kept.judgeId(), kept.judgeName(),
                kept.createdAt(), kept.startedAt(), kept.completedAt(), kept.estimatedCompletionTime(),
                kept.priority());
        client.putItem(b -> b.tableName("jobs").item(EvaluationTable.toItem(organization, next)));
      }
    }
  }

  private static Map<String, Long> expectedCounters(DynamoDbClient client) {
    Map<String, Long> expected = new TreeMap<>();
    client.scanPaginator(b -> b.tableName("jobs")).items().forEach(item ->
        EvaluationTable.countedJob(item).ifPresent(job -> JobCountTable.countersOf(job)
            .forEach(key -> expected.merge(key.partition() + " " + key.bucket(), 1L, Long::sum))));
    assertTrue(expected.size() > 100);
    return expected;
  }

  private static Map<String, Long> actualCounters(DynamoDbClient client, String countsTable) {
    Map<String, Long> actual = new TreeMap<>();
    client.scanPaginator(b -> b.tableName(countsTable)).items().forEach(item -> {
      if (item.containsKey(JobCountTable.N) && Long.parseLong(item.get(JobCountTable.N).n()) != 0) {
        actual.put(item.get(JobCountTable.PK).s() + " " + item.get(JobCountTable.SK).s(),
            Long.parseLong(item.get(JobCountTable.N).n()));
      }
    });
    return actual;
  }
}
