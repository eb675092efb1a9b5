package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationJobJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of("job_id", "status", "total_items", "processed_items", "failed_items", "progress_percentage", "judge_id",
          "judge_name", "created_at", "started_at", "completed_at", "estimated_completion_time", "priority");

  @Test
  void write_fullJob_writesEveryFieldWithItsJsonType() throws Exception {
    EvaluationJob job =
        new EvaluationJob(
            "job-1", EvaluationStatus.PROCESSING, OptionalLong.of(200), OptionalLong.of(50), OptionalLong.of(2),
            Optional.of(Percentage.of(25.5)), Optional.of("judge-1"), Optional.of("GPT judge"),
            Instant.parse("2024-01-14T00:00:00Z"), Optional.of(Instant.parse("2024-01-14T00:00:01.5Z")),
            Optional.empty(), Optional.of(Instant.parse("2024-01-14T01:00:00Z")), Optional.of("high"));

    JsonNode json = MAPPER.readTree(Json.write(g -> EvaluationJobJson.write(g, job)));

    assertEquals(FIELDS, iterate(json));
    assertEquals("job-1", json.get("job_id").asText());
    assertEquals("processing", json.get("status").asText());
    assertTrue(json.get("total_items").isIntegralNumber());
    assertEquals(200, json.get("total_items").asLong());
    assertEquals("25.5", json.get("progress_percentage").toString());
    assertTrue(json.get("progress_percentage").isNumber());
    assertEquals("2024-01-14T00:00:00Z", json.get("created_at").asText());
    assertEquals("2024-01-14T00:00:01.500Z", json.get("started_at").asText());
    assertTrue(json.get("completed_at").isNull());
  }

  @Test
  void write_sparseJob_writesAbsentFieldsAsNull() throws Exception {
    EvaluationJob job = EvaluationJobJson.parse("{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}");

    JsonNode json = MAPPER.readTree(Json.write(g -> EvaluationJobJson.write(g, job)));

    assertEquals(FIELDS, iterate(json));
    for (String field : FIELDS.subList(2, FIELDS.size())) {
      if (!field.equals("created_at")) {
        assertTrue(json.get(field).isNull(), field);
      }
    }
  }

  @Test
  void parseWrite_randomJobs_roundTrip() {
    RandomJobs random = new RandomJobs(new Random(5));
    for (int i = 0; i < 1_000; i++) {
      EvaluationJob job = random.job("job-\uD83D\uDE00-" + i);
      assertEquals(job, EvaluationJobJson.parse(Json.write(g -> EvaluationJobJson.write(g, job))));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "40|40",
    "0|0",
    "100|100",
    "40.0|40",
    "12.50|12.5",
    "1e1|10",
    "2.5E-1|0.25",
    "0.000|0",
    "99.99999999999999999999999999999999999|99.99999999999999999999999999999999999",
  })
  void parseWrite_progressPercentage_keepsTheStoredNumbersText(String imported, String written) {
    EvaluationJob job = EvaluationJobJson.parse(
        "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14\",\"progress_percentage\":"
            + imported + ",\"total_items\":40}");

    String json = Json.write(g -> EvaluationJobJson.write(g, job));

    assertTrue(json.contains("\"progress_percentage\":" + written + ","), json);
    assertTrue(json.contains("\"total_items\":40,"), json);
    assertEquals(job, EvaluationJobJson.parse(json));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"j\",\"status\":\"done\",\"created_at\":\"2024-01-14T00:00:00Z\"}|status",
    "{\"job_id\":\"j\",\"status\":\"queued\"}|created_at",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14 00:00:00\"}|created_at",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":1e2}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":9223372036854775808}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":-0.5}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":1e-131}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":1.5}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"failed_items\":-1}|failed_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":\"5\"}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":101}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"judge_id\":\"\"}|judge_id",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"colour\":\"red\"}|colour",
    "{\"job_id\":\"j\",\"job_id\":\"k\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"priority\":[1]}|priority",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"+10000-01-14T00:00:00Z\"}|created_at",
  })
  void parse_badField_namesIt(String json, String field) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluationJobJson.parse(json));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void parse_overlongIds_areRefused() {
    String longId = "\u00e9".repeat(257);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EvaluationJobJson.parse(
            "{\"job_id\":\"" + longId + "\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}"));
    assertTrue(e.getMessage().contains("job_id"));
    EvaluationJobJson.parse(
        "{\"job_id\":\"" + "\u00e9".repeat(256) + "\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}");
  }

  @Test
  void parse_notOneObject_isRefused() {
    for (String text : List.of("", "[]", "{", "{} {}", "null")) {
      assertThrows(IllegalArgumentException.class, () -> EvaluationJobJson.parse(text), text);
    }
  }

  private static List<String> iterate(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
