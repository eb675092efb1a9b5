package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.counts.EvaluationCountsHandler;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.http.Json;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The counts behind {@code total_count} against an in-memory oracle: random jobs inserted, moved between statuses
 * and judges, updated in place and removed through DynamoDB Local's real stream, then random listings counted both
 * ways, including creation ranges that start and end inside hours and days. Replaying the stream, through a second
 * poller and through the Lambda handler, must not change a single count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationCountsIT {
  private static final long SEED = 20261123L;
  private static final int INITIAL_JOBS = 500;
  private static final int MUTATIONS = 400;
  private static final int QUERIES = 400;

  private EmbeddedDynamoDb dynamo;
  private String jobsTable;
  private String countsTable;
  private JobCounter counter;
  private final Map<List<String>, EvaluationJob> oracle = new LinkedHashMap<>();
  private long changes;

  @BeforeAll
  void writeJobsThroughTheStream() {
    dynamo = EmbeddedDynamoDb.start();
    Map<String, String> tables = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id);
    jobsTable = tables.get(EvaluationTable.LOGICAL_ID);
    countsTable = tables.get(JobCountTable.LOGICAL_ID);
    counter = new JobCounter(dynamo.client(), new IndexReader(dynamo.client()), jobsTable, countsTable);
    Random random = new Random(SEED);
    RandomJobs jobs = new RandomJobs(random);
    List<StoredJob> initial = jobs.generate(INITIAL_JOBS);
    JobWriter.writeAll(dynamo.client(), jobsTable, initial);
    initial.forEach(s -> oracle.put(List.of(s.organization(), s.job().jobId()), s.job()));
    try (EvaluationCountsPoller poller = poller()) {
      // Counted in two sittings, so that the mutations below meet ledgers written by an earlier batch.
      poller.drain();
      for (int i = 0; i < MUTATIONS; i++) {
        mutate(random, jobs, i);
      }
      // DynamoDB writes no stream record for a put that leaves the item as it was.
      assertEquals(changes, poller.drain(), "every change must reach the stream once");
    }
  }

  @AfterAll
  void close() {
    dynamo.close();
  }

  private EvaluationCountsPoller poller() {
    return new EvaluationCountsPoller(dynamo.client(), dynamo.streamsClient(), jobsTable, countsTable);
  }

  private void mutate(Random random, RandomJobs jobs, int step) {
    List<List<String>> keys = new ArrayList<>(oracle.keySet());
    List<String> key = keys.get(random.nextInt(keys.size()));
    EvaluationJob job = oracle.get(key);
    int pick = random.nextInt(100);
    if (pick < 20) {
      EvaluationJob inserted = jobs.job("added-" + step);
      String organization = RandomJobs.ORGANIZATIONS.get(random.nextInt(RandomJobs.ORGANIZATIONS.size()));
      put(organization, inserted);
    } else if (pick < 35) {
      dynamo.client().deleteItem(b -> b.tableName(jobsTable).key(Map.of(
          EvaluationTable.ORGANIZATION, AttributeValue.fromS(key.get(0)),
          EvaluationTable.JOB_ID, AttributeValue.fromS(key.get(1)))));
      oracle.remove(key);
      changes++;
    } else {
      // A new version of the same job: another status, judge or progress, as the jobs' owner would write it.
      EvaluationJob other = jobs.job(job.jobId());
      EvaluationJob changed =
          new EvaluationJob(
              job.jobId(),
              pick < 65 ? other.status() : job.status(),
              job.totalItems(),
              job.processedItems(),
              job.failedItems(),
              other.progressPercentage(),
              pick >= 65 && pick < 80 ? other.judgeId() : job.judgeId(),
              job.judgeName(),
              job.createdAt(),
              job.startedAt(),
              job.completedAt(),
              job.estimatedCompletionTime(),
              job.priority());
      put(key.get(0), changed);
    }
  }

  private void put(String organization, EvaluationJob job) {
    dynamo.client().putItem(b -> b.tableName(jobsTable).item(EvaluationTable.toItem(organization, job)));
    EvaluationJob previous = oracle.put(List.of(organization, job.jobId()), job);
    if (!job.equals(previous)) {
      changes++;
    }
  }

  @Test
  void count_randomListings_matchTheOracle() {
    Random random = new Random(SEED + 1);
    int nonZero = 0;
    for (int i = 0; i < QUERIES; i++) {
      String organization = RandomJobs.ORGANIZATIONS.get(random.nextInt(RandomJobs.ORGANIZATIONS.size()));
      Optional<EvaluationStatus> status =
          random.nextBoolean()
              ? Optional.of(EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)])
              : Optional.empty();
      Optional<String> judge =
          random.nextInt(3) == 0
              ? Optional.of(RandomJobs.JUDGES.get(random.nextInt(RandomJobs.JUDGES.size())))
              : Optional.empty();
      Optional<Instant> after = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(bound(random));
      Optional<Instant> before = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(bound(random));
      EvaluationQuery query =
          new EvaluationQuery(status, judge, after, before, SortField.CREATED_AT, SortOrder.DESC);
      long expected = expected(organization, query);
      long actual =
          query.createdRange().map(range -> counter.count(organization, query, range).count()).orElse(0L);
      assertEquals(expected, actual, "count of " + organization + " " + query.canonical());
      if (expected > 0) {
        nonZero++;
      }
    }
    assertTrue(nonZero > QUERIES / 3, "the random listings must mostly hold jobs, " + nonZero + " did");
  }

  /** Bounds on hours, on days, on a job's exact creation instant, and anywhere: each way the ranges split. */
  private Instant bound(Random random) {
    long seconds = random.nextInt((int) RandomJobs.SPAN_SECONDS + 2 * 86_400) - 86_400L;
    Instant anywhere = RandomJobs.BASE.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000_000));
    switch (random.nextInt(4)) {
      case 0:
        return JobCountTable.Level.HOUR.floor(anywhere);
      case 1:
        return JobCountTable.Level.DAY.floor(anywhere);
      case 2:
        List<EvaluationJob> jobs = new ArrayList<>(oracle.values());
        return jobs.get(random.nextInt(jobs.size())).createdAt();
      default:
        return anywhere;
    }
  }

  private long expected(String organization, EvaluationQuery query) {
    return oracle.entrySet().stream()
        .filter(e -> e.getKey().get(0).equals(organization))
        .map(Map.Entry::getValue)
        .filter(job -> query.status().map(s -> s == job.status()).orElse(true))
        .filter(job -> query.judgeId().map(j -> job.judgeId().equals(Optional.of(j))).orElse(true))
        .filter(job -> query.createdAfter().map(t -> job.createdAt().isAfter(t)).orElse(true))
        .filter(job -> query.createdBefore().map(t -> job.createdAt().isBefore(t)).orElse(true))
        .count();
  }

  @Test
  void drain_secondPollerReplayingTheWholeStream_changesNoCount() {
    Map<String, Long> before = allCounters();
    try (EvaluationCountsPoller replay = poller()) {
      assertEquals(INITIAL_JOBS + changes, replay.drain());
    }
    assertEquals(before, allCounters());
  }

  @Test
  void handler_lambdaEventsDeliveredTwiceAndOverlapping_changeNoCount() throws IOException {
    Map<String, Long> before = allCounters();
    List<Record> records = streamRecords();
    EvaluationCountsHandler handler =
        new EvaluationCountsHandler(dynamo.client(), countsTable, new PrintStream(new ByteArrayOutputStream()));
    int half = records.size() / 2;
    for (List<Record> batch : List.of(records, records.subList(0, half), records.subList(half / 2, records.size()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(lambdaEvent(batch)), out, null);
    }
    assertEquals(before, allCounters());
  }

  private Map<String, Long> allCounters() {
    Map<String, Long> counters = new java.util.TreeMap<>();
    dynamo.client().scanPaginator(b -> b.tableName(countsTable)).items().forEach(item -> {
      if (item.containsKey(JobCountTable.N)) {
        counters.put(item.get(JobCountTable.PK).s() + " " + item.get(JobCountTable.SK).s(),
            Long.parseLong(item.get(JobCountTable.N).n()));
      }
    });
    assertTrue(counters.size() > 100, "the counts table must hold the counters");
    return counters;
  }

  private List<Record> streamRecords() {
    String arn = dynamo.client().describeTable(b -> b.tableName(jobsTable)).table().latestStreamArn();
    List<Record> records = new ArrayList<>();
    for (Shard shard : dynamo.streamsClient().describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
      String iterator = dynamo.streamsClient().getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (iterator != null) {
        String current = iterator;
        var response = dynamo.streamsClient().getRecords(b -> b.shardIterator(current));
        records.addAll(response.records());
        iterator = response.records().isEmpty() ? null : response.nextShardIterator();
      }
    }
    assertEquals(INITIAL_JOBS + changes, records.size());
    return records;
  }

  /** The event Lambda's DynamoDB event source mapping delivers for {@code records}. */
  private static byte[] lambdaEvent(List<Record> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      for (Record record : records) {
        json.writeStartObject();
        json.writeStringField("eventID", record.eventID());
        json.writeStringField("eventName", record.eventNameAsString());
        json.writeStringField("eventSource", "aws:dynamodb");
        json.writeObjectFieldStart("dynamodb");
        writeImage(json, "Keys", record.dynamodb().keys());
        if (record.dynamodb().hasNewImage()) {
          writeImage(json, "NewImage", record.dynamodb().newImage());
        }
        if (record.dynamodb().hasOldImage()) {
          writeImage(json, "OldImage", record.dynamodb().oldImage());
        }
        json.writeStringField("SequenceNumber", record.dynamodb().sequenceNumber());
        json.writeStringField("StreamViewType", "NEW_AND_OLD_IMAGES");
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeImage(JsonGenerator json, String name, Map<String, AttributeValue> image)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
      json.writeObjectFieldStart(attribute.getKey());
      if (attribute.getValue().s() != null) {
        json.writeStringField("S", attribute.getValue().s());
      } else if (attribute.getValue().n() != null) {
        json.writeStringField("N", attribute.getValue().n());
      } else {
        json.writeBooleanField("NULL", true);
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
