package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The largest jobs DynamoDB can hold (judge names near its 400 KB item limit, made of characters JSON must escape)
 * never make a response Lambda would refuse (6 MB): pages end early with a next token, and paging on returns
 * every job once, in order.
 */
class ResponseBytesIT extends DynamoDbSuite {
  private static final int JOBS = 12;
  private static final long LAMBDA_RESPONSE_LIMIT = 6L * 1024 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  protected DynamoDbBackend openBackend() {
    return DynamoDbBackend.embedded();
  }

  @Override
  protected void writeData() {
    List<EvaluationJob> jobs = new ArrayList<>();
    String hugeName = "\u0001".repeat(190_000);
    Instant start = Instant.parse("2024-01-14T00:00:00Z");
    for (int i = 0; i < JOBS; i++) {
      jobs.add(new EvaluationJob(
          String.format("job-%02d", i), EvaluationStatus.COMPLETED, OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), Optional.empty(), Optional.of("judge"), Optional.of(hugeName),
          start.plusSeconds(i), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("high")));
    }
    JobWriter.write(dynamo(), tableName(), "huge", jobs);
  }

  @Test
  void listEvaluations_hugeJobs_pagesStayUnderLambdasLimitAndLoseNothing() throws IOException {
    ListEvaluationsHandler handler = newHandler();
    List<String> seen = new ArrayList<>();
    Optional<String> offset = Optional.empty();
    int pages = 0;
    do {
      ProxyEvents event = ProxyEvents.get("huge").param("limit", "100").param("sort_order", "asc");
      if (offset.isPresent()) {
        event = event.param("offset", offset.get());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event.json().getBytes(StandardCharsets.UTF_8)), out, null);
      assertTrue(out.size() < LAMBDA_RESPONSE_LIMIT, "a response of " + out.size() + " bytes");
      JsonNode response = MAPPER.readTree(out.toByteArray());
      assertEquals(200, response.get("statusCode").asInt());
      JsonNode body = MAPPER.readTree(response.get("body").asText());
      assertEquals(JOBS, body.path("pagination").path("total_count").asInt());
      body.path("jobs").forEach(job -> seen.add(job.path("job_id").asText()));
      JsonNode next = body.path("pagination").path("next_offset");
      offset = next.isTextual() ? Optional.of(next.asText()) : Optional.empty();
      pages++;
    } while (offset.isPresent() && pages < JOBS + 1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      expected.add(String.format("job-%02d", i));
    }
    assertEquals(expected, seen);
    assertTrue(pages > 1, "huge jobs must not fit one page");
  }
}
