package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.evaluations.Percentage;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.scoring.ScoringStatus;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.testing.CountingDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * OWASP API4: with the largest inputs the APIs accept, one request stays within the "Bounded work" caps of
 * docs/design.md: a page read makes at most 16 DynamoDB requests (a scoring response 24) and examines at most 4,000
 * items, skipping included; deep integer offsets by creation time are found by the counters; and {@code total_count} is read from
 * the counts table, so what it costs does not grow with the tenant: one GetItem without a creation range, and with
 * one at most two COUNT queries over the partial hours at its ends plus a few counter Queries.
 */
class WorkBoundsIT {
  private static final int JOBS = 2_500;
  /** A tenant with a tenth of the jobs over the same span of time: one every ten minutes instead of every minute. */
  private static final int SMALL_JOBS = 250;
  private static final long SMALL_SPACING_SECONDS = 600;
  /**
   * GetItem of one counter, or Queries of the hour counters at both ends of a range and the day counters between;
   * a deep integer offset walks the same counters and the hours of the day it lands in.
   */
  private static final int MAX_COUNTER_REQUESTS = 6;
  /** The two partial hours at a range's ends are counted item by item. */
  private static final int MAX_RANGE_COUNT_QUERIES = 2;
  private static final int MAX_PAGE_REQUESTS = 16;
  /** A scoring response may read several filters' index streams: docs/design.md gives it 24 requests. */
  private static final int MAX_SCORING_PAGE_REQUESTS = 24;
  private static final int MAX_PAGE_ITEMS = 4_000;
  private static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");
  private static final String ORGANIZATION = "big#org";
  private static final String SMALL_ORGANIZATION = "small#org";
  private static final Map<String, String> SCORING_TENANT = Map.of("customer_id", "big", "project_id", "p");

  private static EmbeddedDynamoDb database;
  private static Deployment deployment;
  private static CountingDynamoDb counting;

  /** The most one request cost, over every request a test made. */
  private static final class Worst {
    long pageRequests;
    long pageItems;
    long countRequests;
    long countItems;
    long counterRequests;
    long counterItems;

    void add(CountingDynamoDb counted) {
      pageRequests = Math.max(pageRequests, counted.queries());
      pageItems = Math.max(pageItems, counted.itemsExamined());
      countRequests = Math.max(countRequests, counted.countQueries());
      countItems = Math.max(countItems, counted.countItemsExamined());
      counterRequests = Math.max(counterRequests, counted.counterReads());
      counterItems = Math.max(counterItems, counted.counterItemsRead());
    }

    @Override
    public String toString() {
      return "page read: max " + pageRequests + " requests, " + pageItems + " items examined; count+skip passes: max "
          + countRequests + " requests, " + countItems + " items examined; counters: max " + counterRequests
          + " requests, " + counterItems + " items read";
    }
  }

  @BeforeAll
  static void writeABigAndASmallTenant() {
    database = EmbeddedDynamoDb.start();
    deployment = Deployment.on(database);
    counting = CountingDynamoDb.listings(deployment.dynamo(), deployment.countsTable());
    List<Map<String, AttributeValue>> evaluations = new ArrayList<>();
    List<Map<String, AttributeValue>> scoring = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      String id = String.format("job-%05d", i);
      evaluations.add(EvaluationTable.toItem(ORGANIZATION, evaluation(id, i, createdAt(ORGANIZATION, i))));
      if (i < SMALL_JOBS) {
        evaluations.add(EvaluationTable.toItem(SMALL_ORGANIZATION, evaluation(id, i, createdAt(SMALL_ORGANIZATION, i))));
      }
      scoring.add(ScoringJobTable.toItem(new ScoringJob(
          id,
          new AgentIdentityContext("big", "p", Optional.of("broad"), Optional.of(i % 250 == 7 ? "rare" : "common"),
              Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
          "judge", ScoringStatus.SUBMITTED, Optional.empty(), Optional.empty(), EPOCH.plusSeconds(60L * i))));
    }
    batchWrite(deployment.dynamo(), deployment.evaluationsTable(), evaluations);
    batchWrite(deployment.dynamo(), deployment.scoringTable(), scoring);
    deployment.countEvaluations();
  }

  /** Every job completed by judge-1, so each filter family below counts all of a tenant's jobs or none. */
  private static EvaluationJob evaluation(String id, int i, Instant created) {
    return new EvaluationJob(
        id, EvaluationStatus.COMPLETED, OptionalLong.of(i % 50), OptionalLong.empty(), OptionalLong.empty(),
        Optional.of(Percentage.of(i % 100)), Optional.of("judge-1"), Optional.empty(), created,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Instant createdAt(String organization, int i) {
    return EPOCH.plusSeconds((organization.equals(SMALL_ORGANIZATION) ? SMALL_SPACING_SECONDS : 60L) * i);
  }

  private static int jobsOf(String organization) {
    return organization.equals(SMALL_ORGANIZATION) ? SMALL_JOBS : JOBS;
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void listEvaluations_largestIntegerOffsetAndPage_staysWithinTheDocumentedCaps() {
    ListEvaluationsHandler handler = deployment.evaluationsHandler(counting);
    Worst worst = new Worst();
    for (String sortBy : List.of("created_at", "completed_at", "progress_percentage", "total_items")) {
      // 3,000: the deepest integer offset of the orders without counters; by creation time any depth is served.
      for (String offset : List.of("1000000000", "10000", "3000", "2400", "1999", "0")) {
        if (!sortBy.equals("created_at") && offset.length() > 4) {
          continue;
        }
        JsonNode page = evaluations(handler, worst, Map.of("sort_by", sortBy, "offset", offset, "limit", "100"));
        assertEquals(JOBS, page.path("pagination").path("total_count").asLong(), sortBy + " " + offset);
      }
    }
    System.out.println("work evaluations, deepest integer offsets on " + JOBS + " jobs: " + worst);
    assertWithinCaps(worst);
  }

  @Test
  void listEvaluations_narrowRangeByAnotherField_givesFullPagesWithinTheCapsAndListsEveryJob() {
    ListEvaluationsHandler handler = deployment.evaluationsHandler(counting);
    Worst worst = new Worst();
    // 20 of 2,500 jobs in range, sorted by a field other than created_at: read through the creation index.
    Map<String, String> filters =
        Map.of("created_after", EPOCH.plusSeconds(60L * 1200 - 1).toString(),
            "created_before", EPOCH.plusSeconds(60L * 1220 - 1).toString(), "sort_by", "total_items", "limit", "100");
    Set<String> expected = new TreeSet<>();
    for (int i = 1200; i < 1220; i++) {
      expected.add(String.format("job-%05d", i));
    }
    Set<String> listed = new HashSet<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      Map<String, String> request = new java.util.LinkedHashMap<>(filters);
      token.ifPresent(t -> request.put("offset", t));
      JsonNode page = evaluations(handler, worst, request);
      page.path("jobs").forEach(job -> listed.add(job.path("job_id").asText()));
      JsonNode next = page.path("pagination").path("next_offset");
      token = next.isTextual() ? Optional.of(next.asText()) : Optional.empty();
      pages++;
    } while (token.isPresent() && pages < 50);
    JsonNode deep = evaluations(handler, worst, Map.of("created_after", filters.get("created_after"),
        "created_before", filters.get("created_before"), "sort_by", "total_items", "limit", "100", "offset", "10000"));
    assertEquals(0, deep.path("jobs").size());
    System.out.println("work evaluations, selective filter on a broad index (" + pages + " pages): " + worst);
    assertEquals(expected, new TreeSet<>(listed));
    assertWithinCaps(worst);
  }

  @Test
  void listEvaluations_firstPageWithoutARange_costsOneCounterGetItemAndTheSameReadsForATenantTenTimesLarger() {
    RecordedLog log = new RecordedLog();
    ListEvaluationsHandler handler = deployment.evaluationsHandler(counting, log.requestLog());
    for (Map<String, String> filters : filterFamilies()) {
      for (String sortBy : List.of("created_at", "completed_at", "progress_percentage", "total_items")) {
        Map<String, String> request = new LinkedHashMap<>(filters);
        request.put("sort_by", sortBy);
        request.put("limit", "100");
        FirstPage small = firstPage(handler, log, SMALL_ORGANIZATION, request);
        FirstPage big = firstPage(handler, log, ORGANIZATION, request);
        String where = request.toString();

        assertEquals(expectedTotal(SMALL_ORGANIZATION, filters, Optional.empty()), small.total(), where);
        assertEquals(expectedTotal(ORGANIZATION, filters, Optional.empty()), big.total(), where);
        for (FirstPage page : List.of(small, big)) {
          assertEquals(1, page.counterRequests(), where + ": one GetItem of the family's counter");
          assertEquals(0, page.countQueries(), where + ": nothing counted item by item");
        }
        assertEquals(small.requests(), big.requests(), where + ": requests of the whole first page");
        assertEquals(small.itemsExamined(), big.itemsExamined(), where + ": items examined by the whole first page");
      }
    }
    System.out.println("work evaluations, first page without a range on " + SMALL_JOBS + " and " + JOBS + " jobs: "
        + "the same reads, total_count from 1 GetItem");
  }

  @Test
  void listEvaluations_firstPageWithARange_countsOnlyThePartialHoursAtItsEndsWhateverTheTenantsSize() {
    RecordedLog log = new RecordedLog();
    ListEvaluationsHandler handler = deployment.evaluationsHandler(counting, log.requestLog());
    // Unaligned ends around whole hours and one whole day: the hour counters, the day counter and both ends.
    Instant after = Instant.parse("2024-05-31T22:30:00Z");
    Instant before = EPOCH.plusSeconds(60L * (JOBS - 3) + 30);
    CreatedBounds range = new CreatedBounds(after, before);
    long smallestFullCount = Long.MAX_VALUE;
    FirstPage costliest = null;
    for (Map<String, String> filters : filterFamilies()) {
      for (String sortBy : List.of("created_at", "total_items")) {
        Map<String, String> request = new LinkedHashMap<>(filters);
        request.put("created_after", after.toString());
        request.put("created_before", before.toString());
        request.put("sort_by", sortBy);
        request.put("limit", "100");
        FirstPage small = firstPage(handler, log, SMALL_ORGANIZATION, request);
        FirstPage big = firstPage(handler, log, ORGANIZATION, request);
        String where = request.toString();

        assertEquals(expectedTotal(SMALL_ORGANIZATION, filters, Optional.of(range)), small.total(), where);
        assertEquals(expectedTotal(ORGANIZATION, filters, Optional.of(range)), big.total(), where);
        for (FirstPage page : List.of(small, big)) {
          assertTrue(page.countQueries() <= MAX_RANGE_COUNT_QUERIES, where + ": " + page);
          // One job a minute at most: a partial hour holds at most 60 of them.
          assertTrue(page.countItems() <= 2 * 60, where + ": " + page);
          assertTrue(page.counterRequests() >= 1 && page.counterRequests() <= MAX_COUNTER_REQUESTS, where + ": " + page);
        }
        assertEquals(small.countQueries(), big.countQueries(), where + ": COUNT queries");
        assertEquals(small.counterRequests(), big.counterRequests(), where + ": counter requests");
        assertEquals(small.counterItems(), big.counterItems(), where + ": counters read");
        if (costliest == null || big.countItems() + big.counterItems() > costliest.countItems() + costliest.counterItems()) {
          costliest = big;
        }
        if (big.total() > 0) {
          smallestFullCount = Math.min(smallestFullCount, big.total());
        }
      }
    }
    long countCost = costliest.countItems() + costliest.counterItems();
    System.out.println("work evaluations, first page with a created range on " + JOBS + " jobs: total_count cost at most "
        + costliest.countQueries() + " COUNT queries (" + costliest.countItems() + " items) and "
        + costliest.counterRequests() + " counter queries (" + costliest.counterItems() + " counters)");
    // Counting the listing itself would have examined every matching job.
    assertTrue(countCost * 10 < smallestFullCount, countCost + " items read for a total of " + smallestFullCount);
  }

  @Test
  void listScoringJobs_selectiveFilterOnABroadIndex_givesPagesWithinTheCapsAndStillListsEveryJob() {
    ListScoringJobsHandler handler = deployment.scoringHandler(counting);
    Worst worst = new Worst();
    Set<String> listed = new HashSet<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      ProxyEvent event = ProxyEvent.get("/v2/confidence-scoring/jobs").authorizer(SCORING_TENANT)
          .param("agent_name", "broad").param("agent_version", "rare").param("limit", "100");
      token.ifPresent(t -> event.param("offset", t));
      ProxyResponse response = measured(worst, r -> ProxyResponse.call(handler, event.bytes()));
      response.assertStatus(200);
      response.json().forEach(job -> listed.add(job.path("job_id").asText()));
      token = response.header("Link").flatMap(NextPageLinks::offset);
      pages++;
    } while (token.isPresent() && pages < 50);
    ProxyResponse broad = measured(worst, r -> ProxyResponse.call(handler,
        ProxyEvent.get("/v2/confidence-scoring/jobs").authorizer(SCORING_TENANT).param("limit", "100").bytes()));
    assertEquals(100, broad.json().size());
    System.out.println("work scoring-jobs, selective filter on a broad index (" + pages + " pages): " + worst);
    assertEquals(JOBS / 250, listed.size(), "every rare job is listed");
    assertWithinCaps(worst, MAX_SCORING_PAGE_REQUESTS);
  }

  /** The filter families the counts keep apart, including one that matches nothing. */
  private static List<Map<String, String>> filterFamilies() {
    return List.of(
        Map.of(), Map.of("status", "completed"), Map.of("judge_id", "judge-1"),
        Map.of("status", "completed", "judge_id", "judge-1"), Map.of("status", "failed"),
        Map.of("judge_id", "judge-2"));
  }

  /** Strict creation bounds, as created_after and created_before are. */
  private record CreatedBounds(Instant after, Instant before) {
    boolean contains(Instant created) {
      return created.isAfter(after) && created.isBefore(before);
    }
  }

  /** From the jobs as generated: every one is completed by judge-1. */
  private static long expectedTotal(String organization, Map<String, String> filters, Optional<CreatedBounds> range) {
    boolean matches = filters.getOrDefault("status", "completed").equals("completed")
        && filters.getOrDefault("judge_id", "judge-1").equals("judge-1");
    if (!matches) {
      return 0;
    }
    long total = 0;
    for (int i = 0; i < jobsOf(organization); i++) {
      Instant created = createdAt(organization, i);
      if (range.map(r -> r.contains(created)).orElse(true)) {
        total++;
      }
    }
    return total;
  }

  /** What one first page cost, from the calls that reached DynamoDB, and its total. */
  private record FirstPage(
      long total, long requests, long itemsExamined, long countQueries, long countItems, long counterRequests,
      long counterItems) {}

  private static FirstPage firstPage(
      ListEvaluationsHandler handler, RecordedLog log, String organization, Map<String, String> parameters) {
    ProxyEvent event = ProxyEvent.get("/evaluations").authorizer(Map.of("organization", organization));
    parameters.forEach(event::param);
    counting.reset();
    ProxyResponse response = ProxyResponse.call(handler, event.bytes());
    assertEquals(200, response.status(), () -> parameters + ": " + response.abbreviated());
    FirstPage page =
        new FirstPage(
            response.json().path("pagination").path("total_count").asLong(), counting.allRequests(),
            counting.allItemsExamined(), counting.countQueries(), counting.countItemsExamined(),
            counting.counterReads(), counting.counterItemsRead());
    // The request line reports the same reads, counts included, as what reached DynamoDB.
    JsonNode line = log.last();
    assertEquals(page.requests(), line.path("DynamoDbRequests").asLong(), () -> parameters + ": " + line);
    assertEquals(page.itemsExamined(), line.path("ItemsRead").asLong(), () -> parameters + ": " + line);
    return page;
  }

  /** Request lines written to memory instead of standard output. */
  private static final class RecordedLog {
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    RequestLogLine requestLog() {
      return new RequestLogLine(
          new PrintStream(lines, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.systemUTC(), "work-bounds");
    }

    JsonNode last() {
      String[] all = lines.toString(StandardCharsets.UTF_8).split("\n");
      try {
        return ProxyResponse.MAPPER.readTree(all[all.length - 1]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static JsonNode evaluations(ListEvaluationsHandler handler, Worst worst, Map<String, String> parameters) {
    ProxyEvent event = ProxyEvent.get("/evaluations").authorizer(Map.of("organization", ORGANIZATION));
    parameters.forEach(event::param);
    ProxyResponse response = measured(worst, r -> ProxyResponse.call(handler, event.bytes()));
    assertEquals(200, response.status(), () -> parameters + ": " + response.abbreviated());
    return response.json();
  }

  private static ProxyResponse measured(Worst worst, Function<Void, ProxyResponse> call) {
    counting.reset();
    ProxyResponse response = call.apply(null);
    worst.add(counting);
    return response;
  }

  private static void assertWithinCaps(Worst worst) {
    assertWithinCaps(worst, MAX_PAGE_REQUESTS);
  }

  private static void assertWithinCaps(Worst worst, int maxPageRequests) {
    assertTrue(worst.pageRequests <= maxPageRequests, worst.toString());
    assertTrue(worst.pageItems <= MAX_PAGE_ITEMS, worst.toString());
    assertTrue(worst.counterRequests <= MAX_COUNTER_REQUESTS, worst.toString());
    // A skip pass reads the listing at most once, the count only partial hours (the page read uses tokens for the rest).
    assertTrue(worst.countItems <= 2L * JOBS, worst.toString());
  }

  private static void batchWrite(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> writes = new ArrayList<>();
      for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, writes);
      while (!pending.isEmpty()) {
        pending = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build())
            .unprocessedItems();
      }
    }
  }
}
