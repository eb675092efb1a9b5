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

/** OWASP API4 and API1 under hostile input: 100,000 generated events against GET /v2/confidence-scoring/jobs. */
class ScoringJobsFuzzIT {
  private static final long SEED = 20_230_004L;
  private static final int REQUESTS = 100_000;

  @Test
  void listScoringJobs_100000HostileEvents_answerEveryOneInTheApisDialectWithOnlyTheCallersJobs() {
    try (EmbeddedDynamoDb database = EmbeddedDynamoDb.start()) {
      Deployment deployment = Deployment.on(database);
      ScoringData data = ScoringData.generate(new Random(SEED));
      data.writeTo(deployment.dynamo(), deployment.scoringTable());
      CountingDynamoDb counting = CountingDynamoDb.listings(deployment.dynamo());
      List<Map<String, String>> tenants = new ArrayList<>();
      ScoringData.TENANTS.forEach(t -> tenants.add(t.authorizerContext()));
      HostileEvents events = new HostileEvents(new HostileEvents.ApiShape("/v2/confidence-scoring/jobs",
          validValues(), tenants, List.of(Map.of("organization", "a"))));
      FuzzRun run =
          new FuzzRun("scoring-jobs", deployment.scoringHandler(counting), events, ResponseRules::scoringViolation,
              (tenant, response) -> ownJobs(data, tenant, response, events));

      Map<Integer, Integer> statuses = run.run(SEED, REQUESTS);

      System.out.println("fuzz scoring-jobs: " + counting.allRequests() + " DynamoDB queries");
      assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum());
      assertTrue(Set.of(200, 400, 401, 405, 422).containsAll(statuses.keySet()), "statuses: " + statuses);
      assertTrue(statuses.getOrDefault(200, 0) > REQUESTS / 50, "a share reaches the database: " + statuses);
      assertTrue(counting.allRequests() > REQUESTS / 50, "queries: " + counting.allRequests());
    }
  }

  private static Map<String, List<String>> validValues() {
    Map<String, List<String>> valid = new LinkedHashMap<>();
    for (String filter : ScoringData.FILTERS) {
      valid.put(filter, ScoringData.VALUES);
    }
    valid.put("limit", List.of("1", "2", "5", "50", "100"));
    return valid;
  }

  private static Optional<String> ownJobs(ScoringData data, int tenant, ProxyResponse response, HostileEvents events) {
    Map<String, JsonNode> own = data.wireOf(ScoringData.TENANTS.get(tenant));
    for (JsonNode job : response.json()) {
      if (!job.equals(own.get(job.path("job_id").asText()))) {
        return Optional.of("job " + job.path("job_id") + " is not the caller's own");
      }
    }
    response.header("Link").flatMap(NextPageLinks::offset).ifPresent(events::remember);
    return Optional.empty();
  }
}
