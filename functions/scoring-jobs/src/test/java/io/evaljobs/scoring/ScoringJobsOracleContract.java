package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.Json;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Random jobs over colliding tenants and values, random filter subsets and limits, paged through with the Link
 * header: every listing must equal an in-memory filter and sort of the same jobs. Runs against any DynamoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScoringJobsOracleContract {
  private static final int JOBS = 3_000;
  private static final int QUERIES = 150;

  /** The oracle's own reading of each filter parameter, independent of the handler's. */
  private static final Map<String, Function<AgentIdentityContext, Optional<String>>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("agent_name", AgentIdentityContext::agentName);
    FIELDS.put("agent_version", AgentIdentityContext::agentVersion);
    FIELDS.put("agent_session_id", AgentIdentityContext::agentSessionId);
    FIELDS.put("agent_workflow_name", AgentIdentityContext::agentWorkflowName);
    FIELDS.put("agent_workflow_version", AgentIdentityContext::agentWorkflowVersion);
    FIELDS.put("agent_workflow_session_id", AgentIdentityContext::agentWorkflowSessionId);
    FIELDS.put("tool_id", AgentIdentityContext::toolId);
    FIELDS.put("tool_instance_id", AgentIdentityContext::toolInstanceId);
    FIELDS.put("tool_execution_id", AgentIdentityContext::toolExecutionId);
  }

  private List<ScoringJob> jobs;
  private ListScoringJobsHandler handler;

  /** The DynamoDB to run against; the same client for every call. */
  protected abstract DynamoDbClient dynamo();

  @BeforeAll
  void loadRandomJobs() {
    String table = TestTables.createScoringTable(dynamo(), "oracle-");
    jobs = new RandomJobs(20261123L).generate(JOBS);
    TestTables.writeAll(dynamo(), table, jobs);
    handler = new ListScoringJobsHandler(dynamo(), table, TestTokens.fresh());
  }

  @Test
  void listScoringJobs_randomFiltersAndLimits_pagedThroughLinks_equalTheInMemoryListing() {
    Random random = new Random(42);
    List<String> names = new ArrayList<>(FIELDS.keySet());
    int nonEmpty = 0;
    int multiPage = 0;
    for (int q = 0; q < QUERIES; q++) {
      CustomerProject tenant = RandomJobs.TENANTS.get(random.nextInt(RandomJobs.TENANTS.size()));
      List<ScoringJob> ofTenant = jobs.stream().filter(j -> isOf(j, tenant)).toList();
      Map<String, String> filters = new LinkedHashMap<>();
      ScoringJob sample = ofTenant.get(random.nextInt(ofTenant.size()));
      int wanted = random.nextInt(4);
      while (filters.size() < wanted) {
        String name = names.get(random.nextInt(names.size()));
        int pick = random.nextInt(10);
        Optional<String> value =
            pick < 7
                ? FIELDS.get(name).apply(sample.identity())
                : pick < 9
                    ? Optional.of(randomPoolValue(name, random))
                    : Optional.of("absent#\\" + q);
        filters.put(name, value.orElse(randomPoolValue(name, random)));
      }
      Optional<Integer> limit =
          random.nextInt(4) == 0 ? Optional.empty() : Optional.of(random.nextInt(3) == 0 ? 1 + random.nextInt(4)
              : 1 + random.nextInt(100));

      List<ScoringJob> expected =
          ofTenant.stream().filter(j -> matches(j, filters)).sorted(JobOrder.NEWEST_FIRST).toList();
      List<JsonNode> actual = new ArrayList<>();
      int pages = pageThrough(tenant, filters, limit, actual);
      String context = "query " + q + " " + tenant + " " + filters + " limit " + limit;
      assertEquals(expected.size(), actual.size(), context);
      for (int i = 0; i < expected.size(); i++) {
        ScoringJob job = expected.get(i);
        assertEquals(ApiContract.parse(Json.write(json -> ScoringJobJson.write(json, job))), actual.get(i),
            context + " item " + i);
      }
      nonEmpty += expected.isEmpty() ? 0 : 1;
      multiPage += pages > 1 ? 1 : 0;
    }
    // The random queries must exercise what they are meant to: hits and paging, not just empty answers.
    assertTrue(nonEmpty > QUERIES / 2, "only " + nonEmpty + " queries had results");
    assertTrue(multiPage > QUERIES / 5, "only " + multiPage + " queries paged");
  }

  /** Follows Link headers to the end; returns the number of pages. */
  private int pageThrough(CustomerProject tenant, Map<String, String> filters, Optional<Integer> limit, List<JsonNode> out) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    filters.forEach((k, v) -> parameters.put(k, List.of(v)));
    limit.ifPresent(l -> parameters.put("limit", List.of(Integer.toString(l))));
    int effectiveLimit = limit.orElse(PageWorkBounds.UNPAGED_JOBS);
    for (int page = 1; page < 10_000; page++) {
      ApiResponse response =
          ApiContract.respond(
              handler, TestRequests.forTenant(tenant.customerId(), tenant.projectId()).params(parameters).build());
      assertEquals(200, response.statusCode(), response.body());
      JsonNode body = ApiContract.parse(response.body());
      assertTrue(body.size() <= effectiveLimit);
      body.forEach(item -> {
        assertEquals(tenant.customerId(), item.at("/agent_identity_context/customer_id").asText());
        assertEquals(tenant.projectId(), item.at("/agent_identity_context/project_id").asText());
        out.add(item);
      });
      Optional<Map<String, List<String>>> next =
          LinkHeader.nextParameters(Optional.ofNullable(response.headers().get("Link")));
      if (next.isEmpty()) {
        return page;
      }
      Map<String, List<String>> repeated = new LinkedHashMap<>(next.get());
      assertEquals(1, repeated.remove("offset").size());
      Map<String, List<String>> sent = new LinkedHashMap<>(parameters);
      sent.remove("offset");
      assertEquals(sent, repeated, "the next link repeats the filters and limit, and no limit when none was sent");
      parameters.clear();
      parameters.putAll(next.get());
    }
    return fail("paging did not end");
  }

  private static boolean isOf(ScoringJob job, CustomerProject tenant) {
    return job.identity().customerId().equals(tenant.customerId())
        && job.identity().projectId().equals(tenant.projectId());
  }

  private static boolean matches(ScoringJob job, Map<String, String> filters) {
    return filters.entrySet().stream()
        .allMatch(f -> FIELDS.get(f.getKey()).apply(job.identity()).equals(Optional.of(f.getValue())));
  }

  private static String randomPoolValue(String name, Random random) {
    JobFilter filter =
        java.util.Arrays.stream(JobFilter.values()).filter(f -> f.fieldName().equals(name)).findFirst().orElseThrow();
    List<String> pool = RandomJobs.pool(filter);
    return pool.get(random.nextInt(pool.size()));
  }
}
