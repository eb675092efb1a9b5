package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.observability.TenantHash;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.PageTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler's one request line: what it says, and what it must never say. */
class ListEvaluationsRequestLogTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ORGANIZATION = "acme-private-org";
  private static final String JUDGE = "judge-named-after-a-person";

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final FailingDynamoDb dynamo = new FailingDynamoDb();
  private final PageTokens tokens = TestTokens.current();

  private ListEvaluationsHandler handler(int maxLimit) {
    return new ListEvaluationsHandler(
        dynamo, "evaluations", "evaluation-counts", tokens, maxLimit,
        new RequestLogLine(
            new PrintStream(logged, true, StandardCharsets.UTF_8),
            LogLevel.INFO,
            Clock.systemUTC(),
            RequestLogLine.LOCAL_FUNCTION));
  }

  private List<String> lines() {
    String text = logged.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private JsonNode onlyLine() throws Exception {
    List<String> lines = lines();
    assertEquals(1, lines.size(), lines.toString());
    return MAPPER.readTree(lines.get(0));
  }

  @Test
  void listEvaluations_configuredMaximum50_refuses51NamingTheConfiguredMaximum() {
    HandlerResponse response =
        HandlerResponse.invoke(handler(50), ProxyEvents.get(ORGANIZATION).param("limit", "51").json());

    assertEquals(400, response.status());
    assertEquals("invalid_parameter", response.error());
    assertEquals("limit", response.parameter());
    assertEquals("limit must be an integer from 1 to 50", response.message());
    assertEquals(0, dynamo.queries.get());
  }

  @Test
  void listEvaluations_configuredMaximum50_accepts50() {
    HandlerResponse response =
        HandlerResponse.invoke(handler(50), ProxyEvents.get(ORGANIZATION).param("limit", "50").json());

    assertEquals(503, response.status(), "passed validation and reached the (failing) store");
    assertTrue(dynamo.queries.get() >= 1, "the page read, and the total's read beside it");
  }

  @Test
  void parse_configuredMaximumBelowTheDefault_shrinksTheDefaultPage() {
    assertEquals(10, new EvaluationQueryParser(10).parse(Map.of()).limit());
    assertEquals(EvaluationQueryParser.DEFAULT_LIMIT, new EvaluationQueryParser(50).parse(Map.of()).limit());
  }

  @Test
  void listEvaluations_invalidRequest_logsOneLineWithShapeAndHashedTenantOnly() throws Exception {
    HandlerResponse.invoke(
        handler(100),
        ProxyEvents.get(ORGANIZATION).param("judge_id", JUDGE).param("status", "completed").param("limit", "0").json());

    JsonNode line = onlyLine();
    String text = lines().get(0);
    assertEquals("evaluations", line.path("Api").asText());
    assertEquals("test-request", line.path("requestId").asText());
    assertEquals(TenantHash.of(ORGANIZATION), line.path("tenant").asText());
    assertEquals(400, line.path("status").asInt());
    assertEquals(1, line.path("4xx").asInt());
    assertEquals(0, line.path("5xx").asInt());
    assertFalse(text.contains(ORGANIZATION), text);
    assertFalse(text.contains(JUDGE), text);
    assertFalse(text.contains("test-key"), "the API key header never reaches the log: " + text);
  }

  @Test
  void listEvaluations_storeFailureWithToken_logsFiltersByNameButNeitherValuesNorToken() throws Exception {
    String token =
        tokens.encode(
            Cursor.atOffset(25).withTotalCount(100),
            ORGANIZATION,
            new EvaluationQuery(
                    java.util.Optional.empty(), java.util.Optional.of(JUDGE), java.util.Optional.empty(),
                    java.util.Optional.empty(), SortField.PROGRESS_PERCENTAGE, SortOrder.ASC)
                .canonical());

    HandlerResponse response =
        HandlerResponse.invoke(
            handler(100),
            ProxyEvents.get(ORGANIZATION)
                .param("judge_id", JUDGE)
                .param("sort_by", "progress_percentage")
                .param("sort_order", "asc")
                .param("offset", token)
                .json());

    assertEquals(503, response.status(), response.body().toString());
    JsonNode line = onlyLine();
    String text = lines().get(0);
    assertEquals(List.of("judge_id"), MAPPER.convertValue(line.path("filters"), List.class));
    assertEquals("progress_percentage", line.path("sortBy").asText());
    assertEquals("asc", line.path("sortOrder").asText());
    assertEquals("ERROR", line.path("level").asText());
    assertEquals(1, line.path("5xx").asInt());
    assertFalse(text.contains(token), text);
    assertFalse(text.contains(JUDGE), text);
    assertFalse(text.contains(ORGANIZATION), text);
  }

  @Test
  void listEvaluations_malformedEvent_stillLogsItsLine() throws Exception {
    HandlerResponse response = HandlerResponse.invoke(handler(100), "{not json");

    assertEquals(400, response.status());
    JsonNode line = onlyLine();
    assertEquals(400, line.path("status").asInt());
    assertTrue(line.path("tenant").isMissingNode());
  }
}
