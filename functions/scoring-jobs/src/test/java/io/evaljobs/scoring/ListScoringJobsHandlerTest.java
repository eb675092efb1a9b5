package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class ListScoringJobsHandlerTest {
  private final ListScoringJobsHandler unreachable =
      new ListScoringJobsHandler(StubDynamoDb.unreachable(), "jobs", TestTokens.fresh());

  private static JsonNode json(String text) {
    return ApiContract.parse(text);
  }

  private ApiResponse invalid(TestRequests request) {
    ApiResponse response = ApiContract.respond(unreachable, request.build());
    assertEquals(422, response.statusCode(), response.body());
    return response;
  }

  @Test
  void listScoringJobs_nonIntegerLimit_returns422IntParsing() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("limit", "ten"));
    assertEquals(
        json("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"ten\"}]}"),
        json(response.body()));
  }

  @Test
  void listScoringJobs_emptyLimit_returns422IntParsingWithEmptyInput() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("limit", ""));
    assertEquals("", json(response.body()).at("/detail/0/input").asText());
    assertEquals("int_parsing", json(response.body()).at("/detail/0/type").asText());
  }

  @Test
  void listScoringJobs_limitZero_returns422GreaterThanEqual() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("limit", "0"));
    assertEquals(
        json("{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\",\"ctx\":{\"ge\":1}}]}"),
        json(response.body()));
  }

  @Test
  void listScoringJobs_limitAboveMaximum_returns422LessThanEqual() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("limit", "101"));
    assertEquals(
        json("{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be less than or equal to 100\",\"input\":\"101\",\"ctx\":{\"le\":100}}]}"),
        json(response.body()));
  }

  @Test
  void listScoringJobs_hugeLimit_returns422LessThanEqualNotOverflow() {
    ApiResponse response =
        invalid(TestRequests.forTenant("acme", "support").param("limit", "99999999999999999999999"));
    assertEquals("less_than_equal", json(response.body()).at("/detail/0/type").asText());
  }

  @Test
  void listScoringJobs_negativeLimit_returns422GreaterThanEqual() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("limit", "-5"));
    assertEquals("greater_than_equal", json(response.body()).at("/detail/0/type").asText());
    assertEquals("-5", json(response.body()).at("/detail/0/input").asText());
  }

  @Test
  void listScoringJobs_tamperedToken_returns422ValueError() {
    ApiResponse response = invalid(TestRequests.forTenant("acme", "support").param("offset", "not-a-token"));
    assertEquals(
        json("{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"query\",\"offset\"],"
            + "\"msg\":\"Value error, invalid or expired page token\",\"input\":\"not-a-token\","
            + "\"ctx\":{\"error\":{}}}]}"),
        json(response.body()));
  }

  @Test
  void listScoringJobs_badLimitAndBadToken_returns422WithBothEntriesInParameterOrder() {
    ApiResponse response =
        invalid(TestRequests.forTenant("acme", "support").param("offset", "x").param("limit", "1.5"));
    JsonNode detail = json(response.body()).get("detail");
    assertEquals(2, detail.size());
    assertEquals("limit", detail.get(0).at("/loc/1").asText());
    assertEquals("int_parsing", detail.get(0).get("type").asText());
    assertEquals("offset", detail.get(1).at("/loc/1").asText());
  }

  @Test
  void listScoringJobs_repeatedLimit_validatesOnlyTheLastValue() {
    ApiResponse response =
        invalid(TestRequests.forTenant("acme", "support").param("limit", "5").param("limit", "500"));
    JsonNode detail = json(response.body()).get("detail");
    assertEquals(1, detail.size());
    assertEquals("500", detail.get(0).get("input").asText());
  }

  @Test
  void listScoringJobs_noTenantInAuthorizerContext_returns401() {
    for (TestRequests request :
        List.of(
            TestRequests.anonymous(),
            TestRequests.anonymous().authorizer("customer_id", "acme"),
            TestRequests.anonymous().authorizer("project_id", "support"),
            TestRequests.forTenant("", "support"),
            TestRequests.anonymous().authorizer("customer_id", "acme").param("project_id", "support"))) {
      ApiResponse response = ApiContract.respond(unreachable, request.build());
      assertEquals(401, response.statusCode());
      assertEquals(json("{\"detail\":\"Invalid or missing API key\"}"), json(response.body()));
    }
  }

  @Test
  void listScoringJobs_filterValueNoStoredJobCanHold_returnsEmptyListWithoutReading() {
    for (String value : List.of("x".repeat(513), "\u00e9".repeat(300), "bad\ud800surrogate")) {
      ApiResponse response =
          ApiContract.respond(
              unreachable, TestRequests.forTenant("acme", "support").param("agent_name", value).build());
      assertEquals(200, response.statusCode());
      assertEquals("[]", response.body());
      assertFalse(response.headers().containsKey("Link"));
    }
  }

  @Test
  void listScoringJobs_post_returns405() {
    ApiResponse response =
        ApiContract.respond(unreachable, TestRequests.forTenant("acme", "support").method("POST").build());
    assertEquals(405, response.statusCode());
    assertEquals(json("{\"detail\":\"Method Not Allowed\"}"), json(response.body()));
    assertEquals("GET", response.headers().get("Allow"));
  }

  @Test
  void listScoringJobs_dynamoDbThrottles_returns503WithRetryAfter() {
    StubDynamoDb failing =
        new StubDynamoDb(request -> {
          throw ProvisionedThroughputExceededException.builder().message("throttled").statusCode(400).build();
        });
    ApiResponse response =
        ApiContract.respond(
            new ListScoringJobsHandler(failing, "jobs", TestTokens.fresh()),
            TestRequests.forTenant("acme", "support").build());
    assertEquals(503, response.statusCode());
    assertEquals(json("{\"detail\":\"Service temporarily unavailable\"}"), json(response.body()));
    assertTrue(response.headers().containsKey("Retry-After"));
  }

  @Test
  void listScoringJobs_dynamoDbRefusesTheRequest_returns500WithoutRetryAfter() {
    StubDynamoDb refusing =
        new StubDynamoDb(request -> {
          throw DynamoDbException.builder().message("One or more parameter values were invalid").statusCode(400)
              .build();
        });
    ApiResponse response =
        ApiContract.respond(
            new ListScoringJobsHandler(refusing, "jobs", TestTokens.fresh()),
            TestRequests.forTenant("acme", "support").build());
    assertEquals(500, response.statusCode());
    assertEquals(json("{\"detail\":\"Internal Server Error\"}"), json(response.body()));
    assertFalse(response.headers().containsKey("Retry-After"));
  }

  @Test
  void handleRequest_malformedEvents_neverAnswer500() {
    for (String event : List.of("", "[]", "{", "null", "{\"httpMethod\":{\"x\":1}}", "{\"requestContext\":7}",
        "{} {}", "{\"multiValueQueryStringParameters\":{\"limit\":[[\"5\"]]}}")) {
      JsonNode response = ApiContract.handle(unreachable, event.getBytes(StandardCharsets.UTF_8));
      assertEquals(400, response.get("statusCode").asInt(), event);
      assertEquals(json("{\"detail\":\"Bad Request\"}"), json(response.get("body").asText()), event);
      assertEquals("no-store", response.path("headers").path("Cache-Control").asText(), event);
    }
  }

  @Test
  void listScoringJobs_fullPage_answersJobsAndNextLink() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      items.add(ScoringJobTable.toItem(job("job-" + i, "0.50")));
    }
    StubDynamoDb dynamo = new StubDynamoDb(request -> QueryResponse.builder().items(items).count(items.size())
        .scannedCount(items.size()).build());
    ApiResponse response =
        ApiContract.respond(
            new ListScoringJobsHandler(dynamo, "jobs", TestTokens.fresh()),
            TestRequests.forTenant("acme", "support").param("limit", "2").param("tool_id", "a b").build());
    assertEquals(200, response.statusCode());
    JsonNode body = ApiContract.parse(response.body());
    assertEquals(2, body.size());
    assertTrue(response.body().contains("\"score\":0.50,"), response.body());
    String link = response.headers().get("Link");
    assertTrue(link.startsWith("<https://api.example.test/v1/v2/confidence-scoring/jobs?tool_id=a%20b&limit=2&offset="),
        link);
    assertTrue(link.endsWith(">; rel=\"next\""), link);
    QueryRequest query = dynamo.queries.get(0);
    assertEquals("tool-id-created", query.indexName());
    assertFalse(query.scanIndexForward());
  }

  @Test
  void listScoringJobs_lastPage_hasNoLinkHeader() {
    List<Map<String, AttributeValue>> items = List.of(ScoringJobTable.toItem(job("job-1", "7")));
    StubDynamoDb dynamo = new StubDynamoDb(request -> QueryResponse.builder().items(items).count(1).scannedCount(1)
        .build());
    ApiResponse response =
        ApiContract.respond(
            new ListScoringJobsHandler(dynamo, "jobs", TestTokens.fresh()),
            TestRequests.forTenant("acme", "support").build());
    assertEquals(200, response.statusCode());
    assertFalse(response.headers().containsKey("Link"));
    JsonNode body = ApiContract.parse(response.body());
    assertTrue(body.get(0).get("score").isIntegralNumber());
    // Without limit the page is the whole listing as far as one response goes: one Query, as large as it may be.
    assertEquals(PageWorkBounds.ITEMS_PER_REQUEST, dynamo.queries.get(0).limit());
    assertEquals(1, dynamo.queries.size());
  }

  private static ScoringJob job(String id, String score) {
    AgentIdentityContext identity =
        AgentIdentityContext.builder("acme", "support")
            .agentName(Optional.of("bot"))
            .agentTurn(OptionalLong.of(3))
            .toolId(Optional.of("a b"))
            .build();
    return new ScoringJob(id, identity, "observed_consistency", ScoringStatus.COMPLETED,
        Optional.of(new Score(score)), Optional.empty(),
        Instant.parse("2026-01-01T00:00:00Z"));
  }
}
