package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.Json;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tenant.Tenant.CustomerProject;
import io.evaljobs.testing.CountingDynamoDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tenant of 20,000 skewed jobs ({@link SkewedJobs}) beside a small one with the same values: every shape is paged
 * through by its Link header and must equal an in-memory filter and sort of the same jobs; every response must stay
 * within the documented work bounds, and every page but the last must be full unless a bound ended it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringJobsLargeTenantIT {
  private static final CustomerProject LARGE = new CustomerProject("skew", "large");
  private static final CustomerProject SMALL = new CustomerProject("skew", "small");
  private static final int JOBS = 20_000;

  private final EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();
  private CountingDynamoDb counting;
  private List<ScoringJob> jobs;
  private ListScoringJobsHandler handler;

  @BeforeAll
  void loadSkewedJobs() {
    String table = TestTables.createScoringTable(embedded.client(), "skew-");
    jobs = new ArrayList<>(new SkewedJobs(20261206L).generate(LARGE, JOBS));
    jobs.addAll(new SkewedJobs(7L).generate(SMALL, 500));
    TestTables.writeAll(embedded.client(), table, jobs);
    counting = CountingDynamoDb.listings(embedded.client());
    handler = new ListScoringJobsHandler(counting, table, TestTokens.fresh());
  }

  @AfterAll
  void stopDynamoDb() {
    embedded.close();
  }

  @Test
  void listScoringJobs_rareAndOfTwoCommonValuesInStretches_fitsInEightResponsesOfFive() {
    Walk walk = walk(Map.of("agent_name", SkewedJobs.AGENT, "tool_id", SkewedJobs.TOOL), Optional.of(5));
    assertEquals(SkewedJobs.RARE_PAIR, walk.returned());
    assertTrue(walk.responses() <= 8, walk.responses() + " responses");
  }

  @Test
  void listScoringJobs_rareAndOfTwoCommonValuesInterleaved_equalsTheModelWithinBounds() {
    Walk walk = walk(Map.of("agent_version", SkewedJobs.VERSION, "agent_workflow_name", SkewedJobs.WORKFLOW),
        Optional.of(5));
    assertEquals(SkewedJobs.RARE_PAIR, walk.returned());
  }

  @Test
  void listScoringJobs_everyFixedShape_equalsTheModelWithinBounds() {
    List<Map<String, String>> shapes =
        List.of(
            Map.of(),
            Map.of("agent_name", SkewedJobs.AGENT),
            Map.of("tool_id", SkewedJobs.TOOL),
            Map.of("agent_version", SkewedJobs.VERSION),
            Map.of("agent_name", SkewedJobs.AGENT, "agent_version", SkewedJobs.VERSION),
            Map.of("agent_name", SkewedJobs.AGENT, "tool_id", SkewedJobs.TOOL, "agent_workflow_version", "wv-1"),
            Map.of("agent_session_id", "session-1234", "agent_name", SkewedJobs.AGENT),
            Map.of("tool_execution_id", "exec-777", "tool_id", SkewedJobs.TOOL),
            Map.of("agent_name", "agent-nobody", "tool_id", SkewedJobs.TOOL));
    for (Map<String, String> shape : shapes) {
      for (Optional<Integer> limit : List.of(Optional.of(100), Optional.of(33), Optional.<Integer>empty())) {
        Walk walk = walk(shape, limit);
        int pageSize = limit.orElse(PageWorkBounds.UNPAGED_JOBS);
        assertTrue(
            walk.responses() <= Math.max(1, (walk.returned() + pageSize - 1) / pageSize) + walk.boundedPages(),
            shape + " " + limit + ": " + walk);
      }
    }
  }

  @Test
  void listScoringJobs_randomShapesOfTheLargeTenant_equalTheModelWithinBounds() {
    Random random = new Random(99);
    List<String> names = new ArrayList<>(OracleFields.ALL.keySet());
    List<ScoringJob> ofLarge = jobs.stream().filter(j -> OracleFields.isOf(j, LARGE)).toList();
    for (int q = 0; q < 25; q++) {
      ScoringJob sample = ofLarge.get(random.nextInt(ofLarge.size()));
      Map<String, String> filters = new LinkedHashMap<>();
      int wanted = 1 + random.nextInt(3);
      while (filters.size() < wanted) {
        String name = names.get(random.nextInt(names.size()));
        filters.put(name, OracleFields.ALL.get(name).apply(sample.identity()).orElseThrow());
      }
      walk(filters, random.nextBoolean() ? Optional.empty() : Optional.of(1 + random.nextInt(100)));
    }
  }

  /** What paging one listing through took. */
  private record Walk(int responses, int returned, int boundedPages) {}

  /** Pages through the large tenant's listing, checking each response's bounds and the whole against the model. */
  private Walk walk(Map<String, String> filters, Optional<Integer> limit) {
    List<String> expected =
        jobs.stream()
            .filter(job -> OracleFields.isOf(job, LARGE) && OracleFields.matches(job, filters))
            .sorted(JobOrder.NEWEST_FIRST)
            .map(ScoringJob::jobId)
            .toList();
    Map<String, ScoringJob> byId = new LinkedHashMap<>();
    jobs.stream().filter(job -> OracleFields.isOf(job, LARGE)).forEach(job -> byId.put(job.jobId(), job));
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    filters.forEach((name, value) -> parameters.put(name, List.of(value)));
    limit.ifPresent(l -> parameters.put("limit", List.of(Integer.toString(l))));
    int pageSize = limit.orElse(PageWorkBounds.UNPAGED_JOBS);
    List<String> actual = new ArrayList<>();
    int boundedPages = 0;
    String context = filters + " limit " + limit;
    for (int response = 1; response < 1_000; response++) {
      counting.reset();
      ApiResponse answer =
          ApiContract.respond(
              handler, TestRequests.forTenant(LARGE.customerId(), LARGE.projectId()).params(parameters).build());
      assertEquals(200, answer.statusCode(), answer.body());
      long requests = counting.allRequests();
      long examined = counting.allItemsExamined();
      assertTrue(requests <= PageWorkBounds.REQUESTS_PER_PAGE, context + ": " + requests + " requests");
      assertTrue(examined <= PageWorkBounds.ITEMS_PER_PAGE, context + ": " + examined + " items examined");
      JsonNode body = ApiContract.parse(answer.body());
      assertTrue(body.size() <= pageSize, context);
      for (JsonNode item : body) {
        String id = item.get("job_id").asText();
        if (actual.size() < 3) {
          assertEquals(ApiContract.parse(Json.write(json -> ScoringJobJson.write(json, byId.get(id)))), item, context);
        }
        actual.add(id);
      }
      Optional<Map<String, List<String>>> next =
          LinkHeader.nextParameters(Optional.ofNullable(answer.headers().get("Link")));
      if (next.isEmpty()) {
        assertEquals(expected, actual, context);
        return new Walk(response, actual.size(), boundedPages);
      }
      boolean bounded =
          requests == PageWorkBounds.REQUESTS_PER_PAGE || examined == PageWorkBounds.ITEMS_PER_PAGE;
      assertTrue(
          body.size() == pageSize || bounded,
          context + ": a short page with a next link must have reached a work bound");
      boundedPages += body.size() < pageSize ? 1 : 0;
      Map<String, List<String>> repeated = new LinkedHashMap<>(next.get());
      repeated.remove("offset");
      Map<String, List<String>> sent = new LinkedHashMap<>(parameters);
      sent.remove("offset");
      assertEquals(sent, repeated, "the next link repeats the filters and limit, and no limit when none was sent");
      parameters.clear();
      parameters.putAll(next.get());
    }
    return fail("paging did not end: " + context);
  }

  /** The model's own reading of each filter parameter, independent of the handler's. */
  private static final class OracleFields {
    static final Map<String, Function<AgentIdentityContext, Optional<String>>> ALL = new LinkedHashMap<>();

    static {
      ALL.put("agent_name", AgentIdentityContext::agentName);
      ALL.put("agent_version", AgentIdentityContext::agentVersion);
      ALL.put("agent_session_id", AgentIdentityContext::agentSessionId);
      ALL.put("agent_workflow_name", AgentIdentityContext::agentWorkflowName);
      ALL.put("agent_workflow_version", AgentIdentityContext::agentWorkflowVersion);
      ALL.put("agent_workflow_session_id", AgentIdentityContext::agentWorkflowSessionId);
      ALL.put("tool_id", AgentIdentityContext::toolId);
      ALL.put("tool_instance_id", AgentIdentityContext::toolInstanceId);
      ALL.put("tool_execution_id", AgentIdentityContext::toolExecutionId);
    }

    static boolean isOf(ScoringJob job, CustomerProject tenant) {
      return job.identity().customerId().equals(tenant.customerId())
          && job.identity().projectId().equals(tenant.projectId());
    }

    static boolean matches(ScoringJob job, Map<String, String> filters) {
      return filters.entrySet().stream()
          .allMatch(f -> ALL.get(f.getKey()).apply(job.identity()).equals(Optional.of(f.getValue())));
    }
  }
}
