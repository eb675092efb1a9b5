package io.evaljobs.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BatchWriterTest {
  private static final Backoff FIFTY_ATTEMPTS = Backoff.exponential(50, Duration.ofMillis(10), Duration.ofSeconds(2));

  /** Records outcomes by tag. */
  private static final class Outcomes implements BatchOutcome {
    final List<Long> written = new ArrayList<>();
    final Map<Long, String> failed = new TreeMap<>();

    @Override
    public void written(long tag) {
      written.add(tag);
    }

    @Override
    public void failed(long tag, String reason) {
      failed.put(tag, reason);
    }
  }

  @Test
  void put_randomUnprocessedItemsAndDuplicateKeys_writesEveryItemExactlyOnceWithLastValueWinning() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(seed * 31), 0.4, item -> false);
      Outcomes outcomes = new Outcomes();
      List<Duration> pauses = new ArrayList<>();
      Map<List<AttributeValue>, Map<String, AttributeValue>> oracle = new LinkedHashMap<>();
      int count = 1 + random.nextInt(300);
      try (BatchWriter writer =
          new BatchWriter(
              dynamo, FakeBatchDynamoDb.TABLE, FakeBatchDynamoDb.KEY, FIFTY_ATTEMPTS.withSleeper(pauses::add),
              outcomes)) {
        for (long tag = 1; tag <= count; tag++) {
          // Few distinct job ids, so keys repeat within what would be one batch.
          Map<String, AttributeValue> item =
              FakeBatchDynamoDb.item("t" + random.nextInt(3), "j" + random.nextInt(40), "v" + tag);
          oracle.put(FakeBatchDynamoDb.key(item), item);
          writer.put(tag, item);
        }
      }
      assertEquals(Map.of(), outcomes.failed, "seed " + seed);
      List<Long> expectedTags = new ArrayList<>();
      for (long tag = 1; tag <= count; tag++) {
        expectedTags.add(tag);
      }
      List<Long> writtenTags = new ArrayList<>(outcomes.written);
      writtenTags.sort(null);
      assertEquals(expectedTags, writtenTags, "every tag reported written exactly once, seed " + seed);
      assertEquals(oracle, dynamo.stored, "seed " + seed);
      assertTrue(pauses.stream().allMatch(p -> !p.isNegative() && p.compareTo(Duration.ofSeconds(2)) <= 0));
    }
  }

  @Test
  void put_alwaysUnprocessed_reportsEachItemFailedAfterTheLastAttempt() {
    FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(7), 1.0, item -> false);
    Outcomes outcomes = new Outcomes();
    List<Duration> pauses = new ArrayList<>();
    Backoff backoff = Backoff.exponential(4, Duration.ofMillis(100), Duration.ofMillis(250)).withSleeper(pauses::add);
    BatchWriter writer = new BatchWriter(dynamo, FakeBatchDynamoDb.TABLE, FakeBatchDynamoDb.KEY, backoff, outcomes);
    for (long tag = 1; tag <= 30; tag++) {
      writer.put(tag, FakeBatchDynamoDb.item("t", "j" + tag, "v"));
    }
    writer.close();

    assertEquals(30, outcomes.failed.size());
    assertTrue(outcomes.failed.get(30L).contains("after 4 attempts"), outcomes.failed.get(30L));
    assertEquals(List.of(), outcomes.written);
    assertEquals(30, writer.failedCount());
    assertEquals(8, dynamo.batchCalls, "two batches of four attempts each");
    assertEquals(6, pauses.size(), "three pauses per batch");
    assertTrue(pauses.stream().allMatch(p -> p.toMillis() <= 250), pauses.toString());
  }

  @Test
  void put_batchRefusedForOneBadItem_writesTheOthersAndReportsTheBadOne() {
    FakeBatchDynamoDb dynamo =
        new FakeBatchDynamoDb(new Random(3), 0.0, item -> item.get("value").s().equals("too-big"));
    Outcomes outcomes = new Outcomes();
    try (BatchWriter writer =
        new BatchWriter(
            dynamo, FakeBatchDynamoDb.TABLE, FakeBatchDynamoDb.KEY, FIFTY_ATTEMPTS.withSleeper(pause -> {}),
            outcomes)) {
      for (long tag = 1; tag <= 10; tag++) {
        writer.put(tag, FakeBatchDynamoDb.item("t", "j" + tag, tag == 4 ? "too-big" : "ok"));
      }
    }
    assertEquals(List.of(4L), List.copyOf(outcomes.failed.keySet()));
    assertTrue(outcomes.failed.get(4L).startsWith("ValidationException"), outcomes.failed.get(4L));
    assertEquals(9, dynamo.stored.size());
    assertEquals(9, outcomes.written.size());
  }

  @Test
  void put_itemWithoutKeyAttribute_reportsItFailedWithoutCallingDynamoDb() {
    FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(3), 0.0, item -> false);
    Outcomes outcomes = new Outcomes();
    try (BatchWriter writer =
        new BatchWriter(
            dynamo, FakeBatchDynamoDb.TABLE, FakeBatchDynamoDb.KEY, FIFTY_ATTEMPTS.withSleeper(pause -> {}),
            outcomes)) {
      writer.put(1, Map.of("tenant", AttributeValue.fromS("t")));
    }
    assertEquals(Map.of(1L, "item has no key attribute job_id"), outcomes.failed);
    assertEquals(0, dynamo.batchCalls);
  }

  @Test
  void forTable_readsTheKeyFromTheTable() {
    FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(3), 0.0, item -> false);
    Outcomes outcomes = new Outcomes();
    try (BatchWriter writer = BatchWriter.forTable(dynamo, FakeBatchDynamoDb.TABLE, outcomes)) {
      writer.put(1, FakeBatchDynamoDb.item("t", "j", "first"));
      writer.put(2, FakeBatchDynamoDb.item("t", "j", "second"));
    }
    assertEquals(List.of(1L, 2L), outcomes.written);
    assertEquals(2, dynamo.batchCalls, "a repeated key starts a new batch");
    assertEquals("second", dynamo.stored.values().iterator().next().get("value").s());
  }
}
