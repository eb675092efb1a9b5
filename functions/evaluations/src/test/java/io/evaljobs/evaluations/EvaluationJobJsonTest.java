package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

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
    EvaluationJob job =
        new EvaluationJob(
            "j", EvaluationStatus.QUEUED, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Instant.parse("2024-01-14T00:00:00Z"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    JsonNode json = MAPPER.readTree(Json.write(g -> EvaluationJobJson.write(g, job)));

    assertEquals(FIELDS, iterate(json));
    for (String field : FIELDS.subList(2, FIELDS.size())) {
      if (!field.equals("created_at")) {
        assertTrue(json.get(field).isNull(), field);
      }
    }
  }

  private static List<String> iterate(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
