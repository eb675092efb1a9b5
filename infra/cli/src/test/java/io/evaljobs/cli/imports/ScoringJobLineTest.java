package io.evaljobs.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.evaljobs.http.Json;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScoringJobLineTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A valid job with {@code field} set to the raw JSON {@code value} (replacing the base's, or added). */
  private static String job(String field, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("job_id", "\"job-1\"");
    fields.put("agent_identity_context", "{\"customer_id\":\"acme\",\"project_id\":\"support\"}");
    fields.put("module", "\"data_grounding\"");
    fields.put("status", "\"completed\"");
    if (field != null) {
      fields.put(field, value);
    }
    return fields.entrySet().stream()
        .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String job() {
    return job(null, null);
  }

  private static String written(ScoringJob job) {
    return Json.write(json -> ScoringJobJson.write(json, job));
  }

  @Test
  void parse_thenWrite_keepsScoreLiteralsExactly() {
    for (String literal : List.of("7", "0", "10", "0.50", "1.0", "0.0", "0.125", "1e-1", "0.3333333333333333333")) {
      ScoringJob job = ScoringJobLine.parse(job("score", literal), NOW);
      String out = written(job);
      assertTrue(out.contains("\"score\":" + literal + ","), out);
      assertEquals(!literal.contains(".") && !literal.contains("e"), job.score().orElseThrow().isInteger());
    }
  }

  @Test
  void parse_fullIdentity_roundTripsEveryField() throws Exception {
    String identity = "{\"customer_id\":\"acme\",\"project_id\":\"support\",\"agent_name\":\"bot\","
        + "\"agent_version\":\"1\",\"agent_session_id\":\"s\",\"agent_turn\":4,\"agent_workflow_name\":\"w\","
        + "\"agent_workflow_version\":\"2\",\"agent_workflow_session_id\":\"ws\",\"batch_definition_id\":\"bd\","
        + "\"batch_execution_id\":\"be\",\"tool_id\":\"t\",\"tool_instance_id\":\"ti\",\"tool_execution_id\":\"te\"}";
    String input = "{\"job_id\":\"j#1\",\"agent_identity_context\":" + identity
        + ",\"module\":\"correctness\",\"status\":\"completed\",\"score\":9,\"explanation\":\"fine\","
        + "\"created_at\":\"2026-01-02T03:04:05.123456789+02:00\"}";
    ScoringJob job = ScoringJobLine.parse(input, NOW);
    assertEquals(Instant.parse("2026-01-02T01:04:05.123456789Z"), job.createdAt());
    JsonNode expected = MAPPER.readTree(input);
    ((ObjectNode) expected).remove("created_at");
    assertEquals(expected, MAPPER.readTree(written(job)));
    assertEquals(job, ScoringJobLine.parse(written(job), job.createdAt()));
  }

  @Test
  void parse_absentOptionalFields_areAbsent() {
    ScoringJob job = ScoringJobLine.parse(job("explanation", "null"), NOW);

    assertTrue(job.score().isEmpty() && job.explanation().isEmpty(), job.toString());
    assertTrue(job.identity().agentName().isEmpty() && job.identity().agentTurn().isEmpty(), job.toString());
  }

  @Test
  void parse_createdAt_defaultsAndAcceptsTimesWithoutOffsetAsUtc() {
    assertEquals(NOW, ScoringJobLine.parse(job(), NOW).createdAt());
    assertEquals(NOW, ScoringJobLine.parse(job("created_at", "null"), NOW).createdAt());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
        ScoringJobLine.parse(job("created_at", "\"2026-01-01T00:00:00\""), NOW).createdAt());
  }

  @Test
  void parse_invalidJobs_failNamingTheField() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("{\"agent_identity_context\":{\"customer_id\":\"a\",\"project_id\":\"p\"},\"module\":\"m\","
            + "\"status\":\"completed\"}", "job_id"),
        Map.entry("{\"job_id\":\"j\",\"module\":\"m\",\"status\":\"completed\"}", "agent_identity_context"),
        Map.entry("{\"job_id\":\"j\",\"agent_identity_context\":{\"project_id\":\"p\"},\"module\":\"m\","
            + "\"status\":\"completed\"}", "customer_id"),
        Map.entry(job("status", "\"done\""), "status"),
        Map.entry(job("status", "null"), "status"),
        Map.entry(job("module", "\"\""), "module"),
        Map.entry(job("score", "11"), "score"),
        Map.entry(job("score", "-1"), "score"),
        Map.entry(job("score", "1.01"), "score"),
        Map.entry(job("score", "\"7\""), "score"),
        Map.entry(job("explanation", "5"), "explanation"),
        Map.entry(job("explanation", "\"" + "x".repeat(16 * 1024 + 1) + "\""), "explanation"),
        Map.entry(job("job_id", "\"" + "\u00e9".repeat(257) + "\""), "job_id"),
        Map.entry(job("job_id", "\"\""), "job_id"),
        Map.entry(job("job_id", "\"a\\ud800\""), "job_id"),
        Map.entry(job("created_at", "\"yesterday\""), "created_at"),
        Map.entry(job("created_at", "\"+10000-01-01T00:00:00Z\""), "created_at"),
        Map.entry(job("agent_identity_context", "\"acme\""), "agent_identity_context"),
        Map.entry(job("agent_identity_context", "{\"customer_id\":\"a\",\"project_id\":\"p\",\"agent_turn\":1.5}"),
            "agent_turn"),
        Map.entry(job("agent_identity_context", "{\"customer_id\":\"a\",\"project_id\":\"p\",\"tool_id\":\""
            + "x".repeat(513) + "\"}"), "tool_id"),
        Map.entry(job("agent_identity_context", "{\"customer_id\":\"a\",\"project_id\":\"p\",\"agent_name\":[]}"),
            "agent_name"),
        Map.entry(job("agent_identity_context", "{\"customer_id\":\"a\",\"project_id\":\"p\",\"agent\":\"x\"}"),
            "agent_identity_context.agent"),
        Map.entry(job("colour", "\"red\""), "colour"),
        Map.entry(job().replace("\"module\"", "\"status\":\"failed\",\"module\""), "status"),
        Map.entry("{\"job_id\":\"j\",\"agent_identity_context\":{\"customer_id\":\"a\",\"project_id\":\"p\"},"
            + "\"module\":\"m\",\"status\":\"submitted\",\"score\":5}", "score"));
    cases.forEach((input, field) -> {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ScoringJobLine.parse(input, NOW), field);
      assertTrue(e.getMessage().contains(field), () -> field + " not named in: " + e.getMessage());
    });
  }

  @Test
  void parse_limitsAtTheirBoundary_areAccepted() {
    String jobId = "\u00e9".repeat(256);
    String explanation = "x".repeat(16 * 1024);
    String line = job("job_id", "\"" + jobId + "\"");
    line = line.substring(0, line.length() - 1) + ",\"explanation\":\"" + explanation + "\"}";
    ScoringJob job = ScoringJobLine.parse(line, NOW);
    assertEquals(jobId, job.jobId());
    assertEquals(explanation, job.explanation().orElseThrow());
  }

  @Test
  void parse_notJson_isRefused() {
    for (String input : List.of("", "[]", "{", "{\"job_id\":\"j\"} x", "7", "null")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ScoringJobLine.parse(input, NOW), input);
      assertTrue(e.getMessage().startsWith("a scoring job must be"), input + ": " + e.getMessage());
    }
  }
}
