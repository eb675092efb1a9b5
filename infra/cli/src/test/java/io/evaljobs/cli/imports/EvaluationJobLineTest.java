package io.evaljobs.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationJobJson;
import io.evaljobs.evaluations.RandomJobs;
import io.evaljobs.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationJobLineTest {
  private static String written(EvaluationJob job) {
    return Json.write(g -> EvaluationJobJson.write(g, job));
  }

  @Test
  void parse_whatTheApiWrites_readsTheSameJobBack() {
    RandomJobs random = new RandomJobs(new Random(5));
    for (int i = 0; i < 1_000; i++) {
      EvaluationJob job = random.job("job-\uD83D\uDE00-" + i);
      assertEquals(job, EvaluationJobLine.parse(written(job)));
    }
  }

  @Test
  void parse_onlyTheRequiredFields_leavesTheOthersAbsent() {
    EvaluationJob job =
        EvaluationJobLine.parse("{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\","
            + "\"judge_id\":null}");

    assertEquals("j", job.jobId());
    assertEquals(Instant.parse("2024-01-14T00:00:00Z"), job.createdAt());
    assertTrue(job.totalItems().isEmpty() && job.progressPercentage().isEmpty() && job.judgeId().isEmpty()
        && job.startedAt().isEmpty() && job.priority().isEmpty(), job.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2024-01-14T00:00:00Z|2024-01-14T00:00:00Z",
    "2024-01-14T02:00:00+02:00|2024-01-14T00:00:00Z",
    "2024-01-14T02:00:00+0200|2024-01-14T00:00:00Z",
    "2024-01-14T00:00:00.123456789|2024-01-14T00:00:00.123456789Z",
    "2024-01-14|2024-01-14T00:00:00Z",
  })
  void parse_datesInTheFormsTheApiAccepts_areRead(String text, String instant) {
    EvaluationJob job =
        EvaluationJobLine.parse("{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"" + text + "\"}");

    assertEquals(Instant.parse(instant), job.createdAt());
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
    EvaluationJob job = EvaluationJobLine.parse(
        "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14\",\"progress_percentage\":"
            + imported + ",\"total_items\":40}");

    String json = written(job);

    assertTrue(json.contains("\"progress_percentage\":" + written + ","), json);
    assertTrue(json.contains("\"total_items\":40,"), json);
    assertEquals(job, EvaluationJobLine.parse(json));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":null,\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":7,\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"j\",\"status\":\"done\",\"created_at\":\"2024-01-14T00:00:00Z\"}|status",
    "{\"job_id\":\"j\",\"status\":true,\"created_at\":\"2024-01-14T00:00:00Z\"}|status",
    "{\"job_id\":\"j\",\"created_at\":\"2024-01-14T00:00:00Z\"}|status",
    "{\"job_id\":\"j\",\"status\":\"queued\"}|created_at",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14 00:00:00\"}|created_at",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":1705190400}|created_at",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":1e2}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":9223372036854775808}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":\"5\"}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":true}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":-0.5}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":1e-131}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"total_items\":1.5}|total_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"failed_items\":-1}|failed_items",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":\"5\"}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"progress_percentage\":101}|progress_percentage",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"judge_id\":\"\"}|judge_id",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"judge_id\":{}}|judge_id",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"colour\":\"red\"}|colour",
    "{\"job_id\":\"j\",\"job_id\":\"k\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}|job_id",
    "{\"job_id\":\"j\",\"judge_id\":null,\"judge_id\":null,\"status\":\"queued\",\"created_at\":\"2024-01-14\"}|judge_id",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\",\"priority\":[1]}|priority",
    "{\"job_id\":\"j\",\"status\":\"queued\",\"created_at\":\"+10000-01-14T00:00:00Z\"}|created_at",
  })
  void parse_badField_namesIt(String json, String field) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluationJobLine.parse(json));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void parse_overlongIds_areRefused() {
    String longId = "\u00e9".repeat(257);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EvaluationJobLine.parse(
            "{\"job_id\":\"" + longId + "\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}"));
    assertTrue(e.getMessage().contains("job_id"));
    EvaluationJobLine.parse(
        "{\"job_id\":\"" + "\u00e9".repeat(256) + "\",\"status\":\"queued\",\"created_at\":\"2024-01-14T00:00:00Z\"}");
  }

  @Test
  void parse_notOneObject_isRefusedSayingSo() {
    for (String text : List.of("", "[]", "{", "{} {}", "null", "7", "\"job\"")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EvaluationJobLine.parse(text), text);
      assertTrue(e.getMessage().startsWith("a job must be"), text + ": " + e.getMessage());
    }
  }
}
