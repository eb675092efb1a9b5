package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1: whatever filters, pages and tokens a tenant sends, nothing of another tenant comes back, and a token
 * minted for one tenant or filter set is refused everywhere else with the API's own 4xx.
 */
class TenantIsolationIT {
  private static final long SEED = 0x15014710L;
  private static final int FILTER_SETS_PER_TENANT = 12;

  private static EmbeddedDynamoDb database;
  private static Deployment deployment;
  private static EvaluationData evaluations;
  private static ScoringData scoring;

  /** A page token and what it was minted for. */
  private record MintedToken(String tenant, Map<String, String> filters, String token) {}

  @BeforeAll
  static void writeCollidingTenants() {
    database = EmbeddedDynamoDb.start();
    deployment = Deployment.on(database);
    evaluations = EvaluationData.generate(new Random(SEED));
    deployment.load(evaluations);
    scoring = ScoringData.generate(new Random(SEED));
    scoring.writeTo(deployment.dynamo(), deployment.scoringTable());
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void listEvaluations_anyFiltersPagesAndTokens_returnOnlyTheCallersOwnJobs() {
    ListEvaluationsHandler handler = deployment.evaluationsHandler();
    Random random = new Random(SEED);
    List<MintedToken> minted = new ArrayList<>();
    int pagesRead = 0;
    for (String organization : EvaluationData.ORGANIZATIONS) {
      for (int n = 0; n < FILTER_SETS_PER_TENANT; n++) {
        Map<String, String> filters = evaluationFilters(random);
        int limit = 1 + random.nextInt(6);
        String where = "seed " + SEED + ", organization " + organization + ", filters " + filters + ", limit " + limit;
        // Forward through next_offset tokens, then back through previous_offset tokens.
        JsonNode page = evaluationsPage(handler, organization, filters, limit, Optional.empty(), where);
        long total = page.path("pagination").path("total_count").asLong();
        assertEquals(evaluations.countMatching(organization, filters), total,
            () -> where + ": total_count is the number of the caller's matching jobs");
        Set<String> seen = new HashSet<>();
        int guard = 0;
        while (true) {
          pagesRead++;
          collectEvaluationJobs(page, organization, seen, where);
          tokens(page, "previous_offset").ifPresent(t -> minted.add(new MintedToken(organization, filters, t)));
          Optional<String> next = tokens(page, "next_offset");
          if (next.isEmpty() || ++guard > 60) {
            break;
          }
          minted.add(new MintedToken(organization, filters, next.get()));
          page = evaluationsPage(handler, organization, filters, limit, next, where);
        }
        assertEquals(total, seen.size(), () -> where + ": paging forward lists every matching job once");
        guard = 0;
        Optional<String> previous = tokens(page, "previous_offset");
        while (previous.isPresent() && ++guard <= 60) {
          page = evaluationsPage(handler, organization, filters, limit, previous, where);
          pagesRead++;
          collectEvaluationJobs(page, organization, new HashSet<>(), where);
          previous = tokens(page, "previous_offset");
        }
        // Integer offsets over the same listing.
        for (long offset = 0; offset <= total; offset += limit) {
          Map<String, String> withOffset = new LinkedHashMap<>(filters);
          withOffset.put("offset", Long.toString(offset));
          JsonNode atOffset = evaluationsPage(handler, organization, withOffset, limit, Optional.empty(), where);
          pagesRead++;
          collectEvaluationJobs(atOffset, organization, new HashSet<>(), where);
        }
      }
    }
    assertTrue(minted.size() > 100, "enough tokens minted to replay: " + minted.size());
    assertTrue(pagesRead > 500, "pages read: " + pagesRead);

    for (MintedToken token : minted) {
      String other = otherThan(EvaluationData.ORGANIZATIONS, token.tenant(), random);
      assertEvaluationsRefuse(handler, other, token.filters(), token.token(), "replayed by " + other, token);
      Map<String, String> otherFilters = differentFilters(token.filters(), random);
      assertEvaluationsRefuse(handler, token.tenant(), otherFilters, token.token(), "other filters", token);
      assertEvaluationsRefuse(handler, token.tenant(), token.filters(), TokenMutations.flipped(token.token(), random), "flipped", token);
      assertEvaluationsRefuse(
          handler, token.tenant(), token.filters(), TokenMutations.truncated(token.token(), random), "truncated", token);
    }
  }

  @Test
  void listScoringJobs_anyFiltersPagesAndTokens_returnOnlyTheCallersOwnJobs() {
    ListScoringJobsHandler handler = deployment.scoringHandler();
    Random random = new Random(SEED + 1);
    List<MintedToken> minted = new ArrayList<>();
    int pagesRead = 0;
    for (ScoringData.TenantId tenant : ScoringData.TENANTS) {
      String tenantName = tenant.customerId() + "/" + tenant.projectId();
      for (int n = 0; n < FILTER_SETS_PER_TENANT; n++) {
        Map<String, String> filters = scoringFilters(random);
        int limit = 1 + random.nextInt(4);
        String where = "seed " + (SEED + 1) + ", tenant " + tenantName + ", filters " + filters + ", limit " + limit;
        Optional<String> token = Optional.empty();
        Set<String> seen = new HashSet<>();
        int guard = 0;
        do {
          ProxyResponse response = scoringCall(handler, tenant.authorizerContext(), filters, limit, token);
          assertEquals(200, response.status(), () -> where + ": " + response.abbreviated());
          pagesRead++;
          for (JsonNode job : response.json()) {
            assertOwnJob(scoring.wireOf(tenant), job, where);
            assertTrue(seen.add(job.path("job_id").asText()), () -> where + ": a job listed twice");
          }
          token = response.header("Link").flatMap(NextPageLinks::offset);
          token.ifPresent(t -> minted.add(new MintedToken(tenantName, filters, t)));
        } while (token.isPresent() && ++guard <= 60);
        long expected =
            scoring.wireOf(tenant).values().stream().filter(job -> matchesScoringFilters(job, filters)).count();
        assertEquals(expected, seen.size(), () -> where + ": every matching job is listed");
      }
    }
    assertTrue(minted.size() > 50, "enough tokens minted to replay: " + minted.size());
    assertTrue(pagesRead > 200, "pages read: " + pagesRead);

    for (MintedToken token : minted) {
      ScoringData.TenantId owner =
          ScoringData.TENANTS.stream()
              .filter(t -> (t.customerId() + "/" + t.projectId()).equals(token.tenant()))
              .findFirst()
              .orElseThrow();
      ScoringData.TenantId other = ScoringData.TENANTS.get(random.nextInt(ScoringData.TENANTS.size()));
      if (!other.equals(owner)) {
        assertScoringRefuses(handler, other.authorizerContext(), token.filters(), token.token(), "replayed", token);
      }
      Map<String, String> otherFilters = new LinkedHashMap<>(token.filters());
      otherFilters.merge("agent_name", "agent-1", (old, x) -> old.equals("agent-1") ? "agent-2" : "agent-1");
      assertScoringRefuses(handler, owner.authorizerContext(), otherFilters, token.token(), "other filters", token);
      assertScoringRefuses(
          handler, owner.authorizerContext(), token.filters(), TokenMutations.flipped(token.token(), random), "flipped", token);
      assertScoringRefuses(
          handler, owner.authorizerContext(), token.filters(), TokenMutations.truncated(token.token(), random), "truncated", token);
    }
  }

  private static Map<String, String> evaluationFilters(Random random) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (random.nextInt(3) == 0) {
      filters.put("status", List.of("queued", "processing", "completed", "failed", "cancelled").get(random.nextInt(5)));
    }
    if (random.nextInt(3) == 0) {
      filters.put("judge_id", EvaluationData.JUDGE_IDS.get(random.nextInt(EvaluationData.JUDGE_IDS.size())));
    }
    if (random.nextInt(4) == 0) {
      filters.put("created_after", EvaluationData.EPOCH.plusSeconds(3600L * random.nextInt(3)).toString());
    }
    if (random.nextInt(4) == 0) {
      filters.put("created_before", EvaluationData.EPOCH.plusSeconds(3600L * (3 + random.nextInt(3))).toString());
    }
    filters.put("sort_by", List.of("created_at", "completed_at", "progress_percentage", "total_items")
        .get(random.nextInt(4)));
    filters.put("sort_order", random.nextBoolean() ? "asc" : "desc");
    return filters;
  }

  private static Map<String, String> differentFilters(Map<String, String> filters, Random random) {
    Map<String, String> other = new LinkedHashMap<>(filters);
    other.put("sort_order", filters.get("sort_order").equals("asc") ? "desc" : "asc");
    if (random.nextBoolean()) {
      other.put("sort_order", filters.get("sort_order"));
      other.merge("judge_id", "judge-1", (old, x) -> old.equals("judge-1") ? "judge-2" : "judge-1");
    }
    return other;
  }

  private static Map<String, String> scoringFilters(Random random) {
    Map<String, String> filters = new LinkedHashMap<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      filters.put(
          ScoringData.FILTERS.get(random.nextInt(ScoringData.FILTERS.size())),
          ScoringData.VALUES.get(random.nextInt(ScoringData.VALUES.size())));
    }
    return filters;
  }

  private static boolean matchesScoringFilters(JsonNode job, Map<String, String> filters) {
    JsonNode identity = job.path("agent_identity_context");
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      if (!filter.getValue().equals(identity.path(filter.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode evaluationsPage(
      ListEvaluationsHandler handler, String organization, Map<String, String> filters, int limit,
      Optional<String> token, String where) {
    ProxyEvent event = ProxyEvent.get("/evaluations").authorizer(Map.of("organization", organization));
    filters.forEach(event::param);
    event.param("limit", Integer.toString(limit));
    token.ifPresent(t -> event.param("offset", t));
    ProxyResponse response = ProxyResponse.call(handler, event.bytes());
    assertEquals(200, response.status(), () -> where + ": " + response.abbreviated());
    return response.json();
  }

  private static void collectEvaluationJobs(JsonNode page, String organization, Set<String> seen, String where) {
    for (JsonNode job : page.path("jobs")) {
      assertOwnJob(evaluations.wireOf(organization), job, where);
      assertTrue(seen.add(job.path("job_id").asText()), () -> where + ": job listed twice: " + job);
    }
  }

  /** The job must be one of the caller's own, equal field by field: a colliding job id of another tenant fails. */
  private static void assertOwnJob(Map<String, JsonNode> own, JsonNode job, String where) {
    JsonNode expected = own.get(job.path("job_id").asText());
    if (expected == null) {
      fail(where + ": job " + job.path("job_id") + " is not the caller's");
    }
    assertEquals(expected, job, () -> where + ": job differs from the caller's own job of that id");
  }

  private static Optional<String> tokens(JsonNode page, String field) {
    JsonNode token = page.path("pagination").path(field);
    return token.isTextual() ? Optional.of(token.asText()) : Optional.empty();
  }

  private static void assertEvaluationsRefuse(
      ListEvaluationsHandler handler, String organization, Map<String, String> filters, String token, String how,
      MintedToken minted) {
    ProxyEvent event = ProxyEvent.get("/evaluations").authorizer(Map.of("organization", organization));
    filters.forEach(event::param);
    event.param("offset", token);
    ProxyResponse response = ProxyResponse.call(handler, event.bytes());
    String where = "seed " + SEED + ", token of " + minted.tenant() + " " + minted.filters() + " " + how;
    assertEquals(400, response.status(), () -> where + ": " + response.abbreviated());
    assertEquals("invalid_page_token", response.json().path("error").asText(), where);
  }

  private static ProxyResponse scoringCall(
      ListScoringJobsHandler handler, Map<String, String> tenant, Map<String, String> filters, int limit,
      Optional<String> token) {
    ProxyEvent event = ProxyEvent.get("/v2/confidence-scoring/jobs").authorizer(tenant);
    filters.forEach(event::param);
    event.param("limit", Integer.toString(limit));
    token.ifPresent(t -> event.param("offset", t));
    return ProxyResponse.call(handler, event.bytes());
  }

  private static void assertScoringRefuses(
      ListScoringJobsHandler handler, Map<String, String> tenant, Map<String, String> filters, String token,
      String how, MintedToken minted) {
    ProxyResponse response = scoringCall(handler, tenant, filters, 5, Optional.of(token));
    String where = "seed " + (SEED + 1) + ", token of " + minted.tenant() + " " + minted.filters() + " " + how;
    assertEquals(422, response.status(), () -> where + ": " + response.abbreviated());
    JsonNode detail = response.json().path("detail");
    assertEquals(1, detail.size(), where);
    assertEquals("query", detail.get(0).path("loc").path(0).asText(), where);
    assertEquals("offset", detail.get(0).path("loc").path(1).asText(), where);
  }

  private static String otherThan(List<String> all, String one, Random random) {
    String other;
    do {
      other = all.get(random.nextInt(all.size()));
    } while (other.equals(one));
    return other;
  }
}
