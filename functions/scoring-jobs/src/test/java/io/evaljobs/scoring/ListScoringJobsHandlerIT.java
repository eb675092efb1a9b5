package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.testing.CountingDynamoDb;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListScoringJobsHandlerIT {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final int BULK = 2_600;

  private final EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();
  private CountingDynamoDb counting;
  private ListScoringJobsHandler handler;
  private String table;

  @BeforeAll
  void createTable() {
    table = TestTables.createScoringTable(embedded.client(), "handler-");
    List<ScoringJob> jobs = new ArrayList<>();
    // The same job ids in two tenants whose keys would alias if joined naively.
    jobs.add(job("a#b", "c", "shared", T0, "bot", "7", Optional.of("judge says 7")));
    jobs.add(job("a", "b#c", "shared", T0, "bot", "0.50", Optional.empty()));
    jobs.add(job("a", "b#c", "other", T0.plusSeconds(1), "", "0.125", Optional.empty()));
    // Many jobs on one broad agent name, only the three oldest with a rare version.
    for (int i = 0; i < BULK; i++) {
      ScoringJob bulk = job("bulk", "p", String.format("bulk-%05d", i), T0.plusSeconds(i), "bulk-bot", "5",
          Optional.empty());
      if (i < 3) {
        bulk = withVersion(bulk, "rare");
      }
      jobs.add(bulk);
    }
    TestTables.writeAll(embedded.client(), table, jobs);
    counting = CountingDynamoDb.listings(embedded.client());
    handler = new ListScoringJobsHandler(counting, table, TestTokens.fresh());
  }

  @AfterAll
  void stop() {
    embedded.close();
  }

  private ApiResponse get(TestRequests request) {
    return ApiContract.respond(handler, request.build());
  }

  @Test
  void listScoringJobs_sameJobIdInAliasingTenants_eachSeesOnlyItsOwn() {
    JsonNode first = ApiContract.parse(get(TestRequests.forTenant("a#b", "c")).body());
    assertEquals(1, first.size());
    assertEquals("a#b", first.at("/0/agent_identity_context/customer_id").asText());
    assertEquals("judge says 7", first.at("/0/explanation").asText());
    JsonNode second = ApiContract.parse(get(TestRequests.forTenant("a", "b#c")).body());
    assertEquals(2, second.size());
    assertEquals("other", second.at("/0/job_id").asText());
    assertEquals("shared", second.at("/1/job_id").asText());
    assertEquals("b#c", second.at("/1/agent_identity_context/project_id").asText());
    assertTrue(get(TestRequests.forTenant("a", "b")).body().equals("[]"));
  }

  @Test
  void listScoringJobs_scores_comeBackExactlyAsImported() {
    String body = get(TestRequests.forTenant("a", "b#c")).body();
    assertTrue(body.contains("\"score\":0.125,"), body);
    assertTrue(body.contains("\"score\":0.50,"), body);
    assertTrue(get(TestRequests.forTenant("a#b", "c")).body().contains("\"score\":7,"));
  }

  @Test
  void listScoringJobs_emptyFilterValue_matchesOnlyEmptyValues() {
    JsonNode body = ApiContract.parse(get(TestRequests.forTenant("a", "b#c").param("agent_name", "")).body());
    assertEquals(1, body.size());
    assertEquals("other", body.at("/0/job_id").asText());
    assertEquals("", body.at("/0/agent_identity_context/agent_name").asText());
  }

  @Test
  void listScoringJobs_selectiveFilterBesideABroadOne_isReadThroughTheSelectiveIndexInOneResponse() {
    counting.reset();
    ApiResponse response =
        get(TestRequests.forTenant("bulk", "p").param("agent_name", "bulk-bot").param("agent_version", "rare")
            .param("limit", "10"));
    assertEquals(200, response.statusCode());
    List<String> ids = new ArrayList<>();
    ApiContract.parse(response.body()).forEach(item -> ids.add(item.get("job_id").asText()));
    assertEquals(List.of("bulk-00002", "bulk-00001", "bulk-00000"), ids);
    assertFalse(response.headers().containsKey("Link"));
    // A probe of each index: the broad one finds nothing in its first items, the rare one is read to its end.
    assertEquals(2, counting.allRequests());
    assertTrue(counting.allItemsExamined() <= PageWorkBounds.PROBE_ITEMS + 3, "items examined");
  }

  @Test
  void listScoringJobs_unfilteredBulk_pagesNewestFirstWithoutGapsOrDuplicates() {
    List<String> ids = new ArrayList<>();
    Optional<Map<String, List<String>>> next = Optional.of(Map.of("limit", List.of("100")));
    while (next.isPresent()) {
      ApiResponse response = get(TestRequests.forTenant("bulk", "p").params(next.get()));
      ApiContract.parse(response.body()).forEach(item -> ids.add(item.get("job_id").asText()));
      next = LinkHeader.nextParameters(Optional.ofNullable(response.headers().get("Link")));
    }
    assertEquals(BULK, ids.size());
    for (int i = 0; i < BULK; i++) {
      assertEquals(String.format("bulk-%05d", BULK - 1 - i), ids.get(i));
    }
  }

  @Test
  void listScoringJobs_hugeExplanations_pagesStayUnderLambdasLimitAndLoseNothing() {
    // Explanations near DynamoDB's 400 KB item limit, of characters JSON must escape: another writer could store them.
    String huge = "\u0001".repeat(190_000);
    List<ScoringJob> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      jobs.add(job("huge", "p", String.format("huge-%02d", i), T0.plusSeconds(i), "bot", "1", Optional.of(huge)));
    }
    TestTables.writeAll(embedded.client(), table, jobs);
    List<String> ids = new ArrayList<>();
    Optional<Map<String, List<String>>> next = Optional.empty();
    int pages = 0;
    do {
      TestRequests request = TestRequests.forTenant("huge", "p").param("limit", "100");
      ApiResponse response = get(next.isPresent() ? request.params(next.get()) : request);
      // The proxy response escapes the body once more (at most 7 bytes for a 6-byte escape): 5 MB keeps it under 6.
      assertTrue(response.body().getBytes(StandardCharsets.UTF_8).length < 5L * 1024 * 1024, "page too large");
      ApiContract.parse(response.body()).forEach(item -> ids.add(item.get("job_id").asText()));
      next = LinkHeader.nextParameters(Optional.ofNullable(response.headers().get("Link")));
      pages++;
    } while (next.isPresent() && pages < 20);
    List<String> expected = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      expected.add(String.format("huge-%02d", i));
    }
    assertEquals(expected, ids);
    assertTrue(pages > 1, "huge jobs must not fit one page");
  }

  @Test
  void listScoringJobs_tokenFromAnotherTenantOrFilter_returns422() {
    ApiResponse page = get(TestRequests.forTenant("bulk", "p").param("limit", "1"));
    Map<String, List<String>> next =
        LinkHeader.nextParameters(Optional.ofNullable(page.headers().get("Link"))).orElseThrow();
    String token = next.get("offset").get(0);
    ApiResponse otherTenant = get(TestRequests.forTenant("a", "b#c").param("offset", token));
    assertEquals(422, otherTenant.statusCode());
    ApiResponse otherFilter = get(TestRequests.forTenant("bulk", "p").param("agent_name", "bulk-bot")
        .param("offset", token));
    assertEquals(422, otherFilter.statusCode());
    ApiResponse sameQuery = get(TestRequests.forTenant("bulk", "p").param("limit", "3").param("offset", token));
    assertEquals(200, sameQuery.statusCode());
    assertEquals("bulk-02598", ApiContract.parse(sameQuery.body()).at("/0/job_id").asText());
  }

  @Test
  void listScoringJobs_missingTable_returns500NotARetry() {
    ListScoringJobsHandler broken = new ListScoringJobsHandler(embedded.client(), "no-such-table", TestTokens.fresh());
    ApiResponse response = ApiContract.respond(broken, TestRequests.forTenant("a", "b").build());
    assertEquals(500, response.statusCode());
    assertFalse(response.headers().containsKey("Retry-After"));
    assertFalse(response.body().contains("no-such-table"));
  }

  private static ScoringJob job(String customer, String project, String id, Instant createdAt, String agentName,
      String score, Optional<String> explanation) {
    AgentIdentityContext identity =
        AgentIdentityContext.builder(customer, project)
            .agentName(Optional.of(agentName))
            .agentVersion(Optional.of("1"))
            .agentTurn(OptionalLong.of(1))
            .build();
    return new ScoringJob(id, identity, "correctness", ScoringStatus.COMPLETED, Optional.of(new Score(score)),
        explanation, createdAt);
  }

  private static ScoringJob withVersion(ScoringJob job, String version) {
    AgentIdentityContext identity = job.identity().toBuilder().agentVersion(Optional.of(version)).build();
    return new ScoringJob(job.jobId(), identity, job.module(), job.status(), job.score(), job.explanation(),
        job.createdAt());
  }
}
