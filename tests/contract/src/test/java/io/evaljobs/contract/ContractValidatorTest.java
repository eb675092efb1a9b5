package io.evaljobs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractValidatorTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static final String JOB =
      "{\"job_id\":\"j1\",\"status\":\"completed\",\"total_items\":10,\"processed_items\":10,\"failed_items\":0,"
          + "\"progress_percentage\":100.0,\"judge_id\":\"judge-1\",\"judge_name\":null,"
          + "\"created_at\":\"2024-01-14T09:30:00.123456789Z\",\"started_at\":null,"
          + "\"completed_at\":\"2024-01-14T10:00:00Z\",\"estimated_completion_time\":null,\"priority\":\"high\"}";
  private static final String PAGINATION =
      "{\"total_count\":1,\"limit\":25,\"offset\":0,\"has_next\":false,\"has_previous\":false,"
          + "\"next_offset\":null,\"previous_offset\":null}";

  private static final String SCORING_JOB =
      "{\"job_id\":\"sj1\",\"agent_identity_context\":{\"customer_id\":\"acme\",\"project_id\":\"support\","
          + "\"agent_name\":\"bot\",\"agent_turn\":3,\"tool_id\":null},\"module\":\"correctness\","
          + "\"status\":\"completed\",\"score\":0.75,\"explanation\":null}";

  private static String page(String job) {
    return "{\"jobs\":[" + job + "],\"pagination\":" + PAGINATION + "}";
  }

  private static String violation(ContractValidator validator, int status, Map<String, String> headers, String body) {
    return assertThrows(AssertionError.class, () -> validator.assertValid(status, headers, body)).getMessage();
  }

  @Test
  void evaluations_conformingPage_passes() {
    ContractValidator.evaluations().assertValid(200, JSON, page(JOB));
    ContractValidator.evaluations().assertValid(200, Map.of("content-type", "application/json; charset=utf-8"),
        "{\"jobs\":[],\"pagination\":" + PAGINATION.replace("\"next_offset\":null", "\"next_offset\":\"AbC_-9\"")
            + "}");
  }

  @Test
  void evaluations_countAsString_fails() {
    String message = violation(ContractValidator.evaluations(), 200, JSON,
        page(JOB.replace("\"total_items\":10", "\"total_items\":\"10\"")));
    assertTrue(message.contains("total_items"), message);
  }

  @Test
  void evaluations_timestampNotADateTime_fails() {
    String message = violation(ContractValidator.evaluations(), 200, JSON,
        page(JOB.replace("2024-01-14T10:00:00Z", "yesterday")));
    assertTrue(message.contains("completed_at"), message);
  }

  @Test
  void evaluations_unknownStatusValue_fails() {
    violation(ContractValidator.evaluations(), 200, JSON, page(JOB.replace("\"completed\"", "\"done\"")));
  }

  @Test
  void evaluations_paginationWithoutTokens_fails() {
    String message = violation(ContractValidator.evaluations(), 200, JSON,
        "{\"jobs\":[],\"pagination\":{\"total_count\":0,\"limit\":25,\"offset\":0,\"has_next\":false,"
            + "\"has_previous\":false}}");
    assertTrue(message.contains("next_offset") && message.contains("previous_offset"), message);
  }

  @Test
  void evaluations_extraJobField_fails() {
    violation(ContractValidator.evaluations(), 200, JSON,
        page(JOB.replace("{\"job_id\"", "{\"tenant\":\"x\",\"job_id\"")));
  }

  @Test
  void evaluations_badRequestBody_passesAndWrongCodeForStatus_fails() {
    ContractValidator.evaluations().assertValid(400, JSON,
        "{\"error\":\"invalid_parameter\",\"message\":\"limit must be an integer from 1 to 100\","
            + "\"parameter\":\"limit\"}");
    violation(ContractValidator.evaluations(), 401, JSON, "{\"error\":\"invalid_parameter\",\"message\":\"m\"}");
    violation(ContractValidator.evaluations(), 400, JSON, "{\"error\":\"invalid_parameter\"}");
    violation(ContractValidator.evaluations(), 400, JSON, "{\"detail\":\"Bad Request\"}");
  }

  @Test
  void evaluations_503WithoutRetryAfter_fails() {
    String body = "{\"error\":\"service_unavailable\",\"message\":\"retry\"}";
    ContractValidator.evaluations().assertValid(503, Map.of("Content-Type", "application/json", "Retry-After", "1"),
        body);
    String message = violation(ContractValidator.evaluations(), 503, JSON, body);
    assertTrue(message.contains("Retry-After"), message);
    violation(ContractValidator.evaluations(), 503,
        Map.of("Content-Type", "application/json", "Retry-After", "soon"), body);
  }

  @Test
  void evaluations_405WithoutAllow_fails() {
    String body = "{\"error\":\"method_not_allowed\",\"message\":\"only GET\"}";
    ContractValidator.evaluations().assertValid(405, Map.of("Content-Type", "application/json", "Allow", "GET"), body);
    violation(ContractValidator.evaluations(), 405, JSON, body);
  }

  @Test
  void evaluations_gatewayStatusesUseTheRangeResponses() {
    ContractValidator.evaluations().assertValid(429, JSON,
        "{\"error\":\"bad_request\",\"message\":\"Too Many Requests\"}");
    ContractValidator.evaluations().assertValid(502, JSON,
        "{\"error\":\"service_unavailable\",\"message\":\"The service could not answer; retry later.\"}");
  }

  @Test
  void evaluations_undocumentedStatus_fails() {
    String message = violation(ContractValidator.evaluations(), 302, JSON, "{}");
    assertTrue(message.contains("302 is not documented"), message);
  }

  @Test
  void evaluations_wrongContentTypeOrNotJson_fails() {
    violation(ContractValidator.evaluations(), 200, Map.of("Content-Type", "text/html"), page(JOB));
    violation(ContractValidator.evaluations(), 200, Map.of(), page(JOB));
    violation(ContractValidator.evaluations(), 200, JSON, "<html></html>");
    violation(ContractValidator.evaluations(), 200, JSON, "");
    violation(ContractValidator.evaluations(), 200, JSON, page(JOB) + " {}");
  }

  @Test
  void scoringJobs_conformingListWithLink_passes() {
    ContractValidator.scoringJobs().assertValid(200, JSON,
        "[" + SCORING_JOB + "," + SCORING_JOB.replace("0.75", "7") + "," + SCORING_JOB.replace("0.75", "null") + "]");
    ContractValidator.scoringJobs().assertValid(200,
        Map.of("Content-Type", "application/json",
            "Link", "<https://h.example/v1/v2/confidence-scoring/jobs?limit=2&offset=AbC-_>; rel=\"next\""),
        "[]");
  }

  @Test
  void scoringJobs_malformedLink_fails() {
    String message = violation(ContractValidator.scoringJobs(), 200,
        Map.of("Content-Type", "application/json", "Link", "https://h.example/jobs?offset=x; rel=next"), "[]");
    assertTrue(message.contains("Link"), message);
  }

  @Test
  void scoringJobs_scoreAsStringOrMissingIdentity_fails() {
    String message = violation(ContractValidator.scoringJobs(), 200, JSON,
        "[" + SCORING_JOB.replace("0.75", "\"0.75\"") + "]");
    assertTrue(message.contains("score"), message);
    violation(ContractValidator.scoringJobs(), 200, JSON,
        "[{\"job_id\":\"sj1\",\"module\":\"correctness\",\"status\":\"completed\"}]");
    violation(ContractValidator.scoringJobs(), 200, JSON,
        "[" + SCORING_JOB.replace("\"project_id\":\"support\",", "") + "]");
    violation(ContractValidator.scoringJobs(), 200, JSON, "{\"jobs\":[]}");
  }

  @Test
  void scoringJobs_validationErrorShapes() {
    ContractValidator.scoringJobs().assertValid(422, JSON,
        "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be a valid "
            + "integer, unable to parse string as an integer\",\"input\":\"ten\"}]}");
    violation(ContractValidator.scoringJobs(), 422, JSON,
        "{\"detail\":[{\"loc\":\"limit\",\"msg\":\"m\",\"type\":\"t\"}]}");
    violation(ContractValidator.scoringJobs(), 422, JSON, "{\"detail\":\"Invalid\"}");
  }

  @Test
  void scoringJobs_detailErrors() {
    ContractValidator.scoringJobs().assertValid(401, JSON, "{\"detail\":\"Invalid or missing API key\"}");
    ContractValidator.scoringJobs().assertValid(403, JSON, "{\"detail\":\"Missing Authentication Token\"}");
    violation(ContractValidator.scoringJobs(), 401, JSON, "{\"error\":\"unauthorized\",\"message\":\"m\"}");
    violation(ContractValidator.scoringJobs(), 503, JSON, "{\"detail\":\"Service temporarily unavailable\"}");
  }

  @Test
  void violations_conformingResponse_isEmpty() {
    assertEquals(0, ContractValidator.evaluations().violations(200, JSON, page(JOB)).size());
  }
}
