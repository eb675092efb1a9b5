package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every events/scoring-*.json, read the way the Lambda Java runtime reads it, answers as its name promises. */
class ScoringEventsIT {
  /** What each sample event must get; a new sample must be added here too. */
  private static final Map<String, Integer> EXPECTED_STATUS =
      Map.of("scoring-list.json", 200, "scoring-filtered.json", 200, "scoring-invalid-limit.json", 422);

  @Test
  void everyScoringEvent_isAValidProxyEventAndGetsItsExpectedSchemaValidAnswer() throws IOException {
    Path events = Path.of(System.getProperty("evaljobs.events"));
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(events, "scoring-*.json")) {
      stream.forEach(files::add);
    }
    assertEquals(
        EXPECTED_STATUS.keySet(), files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    try (EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start()) {
      String table = TestTables.createScoringTable(embedded.client(), "events-");
      TestTables.writeAll(embedded.client(), table, sampleJobs());
      ListScoringJobsHandler handler = new ListScoringJobsHandler(embedded.client(), table, TestTokens.fresh());
      Map<String, JsonNode> bodies = new TreeMap<>();
      for (Path file : files) {
        byte[] raw = Files.readAllBytes(file);
        APIGatewayProxyRequestEvent event =
            LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(raw));
        assertEquals("GET", event.getHttpMethod(), file.toString());
        assertNotNull(event.getRequestContext().getAuthorizer().get("customer_id"), file.toString());
        assertNotNull(event.getRequestContext().getAuthorizer().get("project_id"), file.toString());

        JsonNode proxy = ApiContract.handle(handler, raw);
        String name = file.getFileName().toString();
        int status = proxy.get("statusCode").asInt();
        assertEquals(EXPECTED_STATUS.get(name), status, name + ": " + proxy);
        bodies.put(name, ApiContract.parse(proxy.get("body").asText()));
      }
      assertEquals(3, bodies.get("scoring-list.json").size());
      assertEquals(1, bodies.get("scoring-filtered.json").size());
      assertEquals("support-job-2", bodies.get("scoring-filtered.json").at("/0/job_id").asText());
      assertEquals("int_parsing", bodies.get("scoring-invalid-limit.json").at("/detail/0/type").asText());
      assertTrue(bodies.values().stream().noneMatch(b -> b.toString().contains("other-tenant")));
    }
  }

  private static List<ScoringJob> sampleJobs() {
    Instant t = Instant.parse("2026-11-20T09:00:00Z");
    return List.of(
        job("cust_acme", "proj_support", "support-job-1", t, "support-bot", Optional.of("kb-lookup")),
        job("cust_acme", "proj_support", "support-job-2", t.plusSeconds(60), "support-bot", Optional.of("web-search")),
        job("cust_acme", "proj_support", "support-job-3", t.plusSeconds(120), "router", Optional.of("web-search")),
        job("cust_acme", "proj_other", "other-tenant", t, "support-bot", Optional.of("web-search")));
  }

  private static ScoringJob job(String customer, String project, String id, Instant createdAt, String agentName,
      Optional<String> toolId) {
    AgentIdentityContext identity =
        new AgentIdentityContext(customer, project, Optional.of(agentName), Optional.of("2.3.0"),
            Optional.of("sess-" + id), OptionalLong.of(2), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), toolId, Optional.empty(), Optional.empty());
    return new ScoringJob(id, identity, "faithfulness", ScoringStatus.COMPLETED, Optional.of(new Score("8")),
        Optional.of("Grounded in the retrieved passages."), createdAt);
  }
}
