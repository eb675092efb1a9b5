package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.scoring.ScoringStatus;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * docs/design.md: a page read makes at most 8 DynamoDB requests and examines at most 2,000 items; the count and
 * skip passes examine each item of the listing at most once.
 */
class WorkBoundsIT {
  private static final int JOBS = 2_500;
  private static final int MAX_PAGE_REQUESTS = 8;
  private static final int MAX_PAGE_ITEMS = 2_000;
  private static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");
  private static final String ORGANIZATION = "big#org";
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

    void add(CountingDynamoDb counted) {
      pageRequests = Math.max(pageRequests, counted.queries());
      pageItems = Math.max(pageItems, counted.itemsExamined());
      countRequests = Math.max(countRequests, counted.countQueries());
      countItems = Math.max(countItems, counted.countItemsExamined());
    }

    @Override
    public String toString() {
      return "page read: max " + pageRequests + " requests, " + pageItems + " items examined; count+skip passes: max "
          + countRequests + " requests, " + countItems + " items examined";
    }
  }

  @BeforeAll
  static void writeOneBigTenantEach() {
    database = EmbeddedDynamoDb.start();
    deployment = Deployment.on(database.client());
    counting = new CountingDynamoDb(deployment.dynamo());
    List<Map<String, AttributeValue>> evaluations = new ArrayList<>();
    List<Map<String, AttributeValue>> scoring = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      String id = String.format("job-%05d", i);
      evaluations.add(EvaluationTable.toItem(ORGANIZATION, new EvaluationJob(
          id, EvaluationStatus.COMPLETED, OptionalLong.of(i % 50), OptionalLong.empty(), OptionalLong.empty(),
          OptionalDouble.of(i % 100), Optional.of("judge-1"), Optional.empty(), EPOCH.plusSeconds(60L * i),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
      scoring.add(ScoringJobTable.toItem(new ScoringJob(
          id,
          new AgentIdentityContext("big", "p", Optional.of("broad"), Optional.of(i % 250 == 7 ? "rare" : "common"),
              Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
          "judge", ScoringStatus.SUBMITTED, Optional.empty(), Optional.empty(), EPOCH.plusSeconds(60L * i))));
    }
    batchWrite(deployment.dynamo(), deployment.evaluationsTable(), evaluations);
    batchWrite(deployment.dynamo(), deployment.scoringTable(), scoring);
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
      for (String offset : List.of("10000", "2400", "1999", "0")) {
        JsonNode page = evaluations(handler, worst, Map.of("sort_by", sortBy, "offset", offset, "limit", "100"));
        assertEquals(JOBS, page.path("pagination").path("total_count").asLong(), sortBy + " " + offset);
      }
    }
    System.out.println("work evaluations, offset up to 10000 on " + JOBS + " jobs: " + worst);
    assertWithinCaps(worst);
  }

  @Test
  void listEvaluations_selectiveFilterOnABroadIndex_givesShortPagesWithinTheCapsAndStillListsEveryJob() {
    ListEvaluationsHandler handler = deployment.evaluationsHandler(counting);
    Worst worst = new Worst();
    // 20 of 2,500 jobs in range, sorted by a field other than created_at: a filter over the whole partition.
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
    assertWithinCaps(worst);
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
    assertTrue(worst.pageRequests <= MAX_PAGE_REQUESTS, worst.toString());
    assertTrue(worst.pageItems <= MAX_PAGE_ITEMS, worst.toString());
    // A count or skip pass reads the listing at most once each (and the page read uses tokens for the rest).
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
