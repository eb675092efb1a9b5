package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.testing.CountingDynamoDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OWASP API4 and API1 under hostile input: 100,000 generated events against GET /evaluations. */
class EvaluationsFuzzIT {
  private static final long SEED = 20_231_158L;
  private static final int REQUESTS = 100_000;

  @Test
  void listEvaluations_100000HostileEvents_answerEveryOneInTheApisDialectWithOnlyTheCallersJobs() {
    try (EmbeddedDynamoDb database = EmbeddedDynamoDb.start()) {
      Deployment deployment = Deployment.on(database);
      EvaluationData data = EvaluationData.generate(new Random(SEED));
      deployment.load(data);
      CountingDynamoDb counting = CountingDynamoDb.listings(deployment.dynamo(), deployment.countsTable());
      List<Map<String, String>> tenants = new ArrayList<>();
      EvaluationData.ORGANIZATIONS.forEach(org -> tenants.add(Map.of("organization", org)));
      HostileEvents events = new HostileEvents(new HostileEvents.ApiShape("/evaluations", validValues(), tenants,
          List.of(Map.of("customer_id", "a", "project_id", "b"))));
      FuzzRun run =
          new FuzzRun("evaluations", deployment.evaluationsHandler(counting), events,
              ResponseRules::evaluationsViolation, (tenant, response) -> ownJobs(data, tenants, tenant, response, events));

      Map<Integer, Integer> statuses = run.run(SEED, REQUESTS);

      System.out.println("fuzz evaluations: " + counting.allRequests() + " DynamoDB requests");
      assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum());
      assertTrue(Set.of(200, 400, 401, 405).containsAll(statuses.keySet()), "statuses: " + statuses);
      assertTrue(statuses.getOrDefault(200, 0) > REQUESTS / 50, "a share reaches the database: " + statuses);
      assertTrue(counting.allRequests() > REQUESTS / 50, "requests: " + counting.allRequests());
    }
  }

  private static Map<String, List<String>> validValues() {
    Map<String, List<String>> valid = new LinkedHashMap<>();
    valid.put("status", List.of("queued", "processing", "completed", "failed", "cancelled"));
    valid.put("judge_id", EvaluationData.JUDGE_IDS);
    // Every form a client library writes: Z, +00:00, +0000, no offset (UTC), a bare date (midnight UTC).
    valid.put("created_after", List.of("2024-03-01T01:00:00Z", "2024-02-01T00:00:00+02:00", "2024-03-01T02:30:00.5Z",
        "2024-03-01", "2024-03-01T01:00:00", "2024-03-01T01:00:00.123456+0000", "2024-03-01T00:30:00.123456789+00:00"));
    valid.put("created_before", List.of("2024-03-01T04:00:00Z", "2030-01-01T00:00:00Z", "2024-03-01T03:00:00-01:00",
        "2024-03-02", "2024-03-01T04:00:00", "2024-03-01T05:00:00+0100", "2024-03-01T03:00:00.5-0000"));
    valid.put("limit", List.of("1", "2", "5", "25", "100"));
    valid.put("offset", List.of("0", "1", "3", "10", "10000"));
    valid.put("sort_by", List.of("created_at", "completed_at", "progress_percentage", "total_items"));
    valid.put("sort_order", List.of("asc", "desc"));
    return valid;
  }

  private static Optional<String> ownJobs(
      EvaluationData data, List<Map<String, String>> tenants, int tenant, ProxyResponse response,
      HostileEvents events) {
    Map<String, JsonNode> own = data.wireOf(tenants.get(tenant).get("organization"));
    JsonNode page = response.json();
    for (JsonNode job : page.path("jobs")) {
      JsonNode expected = own.get(job.path("job_id").asText());
      if (!job.equals(expected)) {
        return Optional.of("job " + job.path("job_id") + " is not the caller's own");
      }
    }
    for (String field : List.of("next_offset", "previous_offset")) {
      JsonNode token = page.path("pagination").path(field);
      if (token.isTextual()) {
        events.remember(token.asText());
      }
    }
    return Optional.empty();
  }
}
