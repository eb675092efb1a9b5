package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.Position;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.PageTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every client error is answered before DynamoDB is touched, in the API's error shape, never as a 500. */
class ListEvaluationsHandlerTest {
  private static final Set<String> ERROR_FIELDS = Set.of("error", "message", "parameter");

  private final FailingDynamoDb dynamo = new FailingDynamoDb();
  private final PageTokens tokens = TestTokens.current();
  private final ListEvaluationsHandler handler = new ListEvaluationsHandler(dynamo, "evaluations", "evaluation-counts", tokens);

  static Stream<Arguments> invalidParameters() {
    return Stream.of(
        Arguments.of(Map.of("created_after", "invalid-date"), "created_after", "2024-01-14T00:00:00Z"),
        Arguments.of(Map.of("created_before", "14/01/2024"), "created_before", "ISO 8601"),
        Arguments.of(Map.of("created_after", "2024-01-14 00:00:00Z"), "created_after", "UTC unless"),
        Arguments.of(Map.of("created_after", "2024-01-14T00:00:00+2:00"), "created_after", "ISO 8601"),
        Arguments.of(Map.of("created_after", "2024-01-14T00:00:00.1234567891Z"), "created_after", "ISO 8601"),
        Arguments.of(Map.of("created_after", "2024-02-30T00:00:00Z"), "created_after", "ISO 8601"),
        Arguments.of(Map.of("status", "running"), "status", "queued, processing, completed, failed, cancelled"),
        Arguments.of(Map.of("status", "QUEUED"), "status", "queued"),
        Arguments.of(Map.of("status", ""), "status", "queued"),
        Arguments.of(Map.of("sort_by", "name"), "sort_by", "created_at, completed_at, progress_percentage"),
        Arguments.of(Map.of("sort_order", "up"), "sort_order", "asc, desc"),
        Arguments.of(Map.of("limit", "ten"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", "0"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", "101"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", "-5"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", "2.5"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", "99999999999999999999999"), "limit", "1 to 100"),
        Arguments.of(Map.of("limit", ""), "limit", "1 to 100"),
        Arguments.of(Map.of("offset", "-1"), "offset", "0 to 1000000000"),
        Arguments.of(Map.of("offset", "1000000001"), "offset", "pagination.next_offset"),
        Arguments.of(Map.of("offset", "99999999999999999999999"), "offset", "pagination.next_offset"),
        Arguments.of(Map.of("offset", ""), "offset", "0 to 1000000000"),
        Arguments.of(Map.of("offset", "1.5"), "offset", "0 to 1000000000"),
        Arguments.of(Map.of("offset", "+3"), "offset", "0 to 1000000000"),
        Arguments.of(Map.of("judge_id", ""), "judge_id", "UTF-8 bytes"),
        Arguments.of(Map.of("judge_id", "x".repeat(513)), "judge_id", "UTF-8 bytes"),
        Arguments.of(Map.of("judge_id", "\u00e9".repeat(257)), "judge_id", "UTF-8 bytes"),
        Arguments.of(Map.of("judge_id", "judge-\uD800"), "judge_id", "well-formed Unicode"),
        Arguments.of(Map.of("judge_id", "\uDC00judge"), "judge_id", "well-formed Unicode"),
        Arguments.of(Map.of("judge_id", "\uDE00\uD83D"), "judge_id", "well-formed Unicode"),
        Arguments.of(Map.of("judge_id", "x".repeat(600) + "\uD800"), "judge_id", "UTF-8 bytes"),
        Arguments.of(
            Map.of("created_after", "2024-02-01T00:00:00Z", "created_before", "2024-01-01T00:00:00Z"),
            "created_after", "created_before"));
  }

  @ParameterizedTest
  @MethodSource("invalidParameters")
  void listEvaluations_invalidParameter_returns400NamingIt(Map<String, String> params, String parameter, String hint) {
    HandlerResponse response = HandlerResponse.invoke(handler, ProxyEvents.get("acme").params(params).json());

    assertEquals(400, response.status(), response.body().toString());
    assertEquals("invalid_parameter", response.error());
    assertEquals(parameter, response.parameter());
    assertTrue(response.message().startsWith(parameter), response.message());
    assertTrue(response.message().contains(hint), response.message());
    assertErrorShape(response);
    assertEquals(0, dynamo.queries.get(), "validation must not reach DynamoDB");
  }

  @Test
  void listEvaluations_parameterGivenTwice_returns400() {
    HandlerResponse response =
        HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("status", "queued").param("status", "failed").json());

    assertEquals(400, response.status());
    assertEquals("invalid_parameter", response.error());
    assertEquals("status", response.parameter());
    assertErrorShape(response);
  }

  @Test
  void listEvaluations_unknownParameter_returns400UnknownParameter() {
    HandlerResponse response = HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("organization", "other").json());

    assertEquals(400, response.status());
    assertEquals("unknown_parameter", response.error());
    assertEquals("organization", response.parameter());
    assertTrue(response.message().contains("status, judge_id"), response.message());
    assertErrorShape(response);
  }

  @Test
  void listEvaluations_garbageToken_returns400InvalidPageToken() {
    assertInvalidToken(HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("offset", "not-a-token").json()));
  }

  @Test
  void listEvaluations_tamperedToken_returns400() {
    String token = tokens.encode(Cursor.atOffset(25), "acme", EvaluationQuery.DEFAULT.canonical());
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertInvalidToken(HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("offset", tampered).json()));
  }

  @Test
  void listEvaluations_otherTenantsToken_returns400() {
    String token = tokens.encode(Cursor.atOffset(25), "beta", EvaluationQuery.DEFAULT.canonical());

    assertInvalidToken(HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("offset", token).json()));
  }

  @Test
  void listEvaluations_tokenOfOtherFilter_returns400() {
    String canonical =
        new EvaluationQueryParser().parse(Map.of("status", List.of("failed"))).query().canonical();
    String token = tokens.encode(Cursor.after(25, new Position(0, Map.of())), "acme", canonical);

    assertInvalidToken(
        HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("status", "queued").param("offset", token).json()));
    assertInvalidToken(
        HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("offset", token).json()));
  }

  @Test
  void listEvaluations_expiredToken_returns400() {
    PageTokens yesterday = TestTokens.at(Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
    String token = yesterday.encode(Cursor.atOffset(25), "acme", EvaluationQuery.DEFAULT.canonical());

    assertInvalidToken(HandlerResponse.invoke(handler, ProxyEvents.get("acme").param("offset", token).json()));
  }

  @Test
  void listEvaluations_missingTenant_returns401() {
    HandlerResponse response = HandlerResponse.invoke(handler, ProxyEvents.withoutTenant().json());

    assertEquals(401, response.status());
    assertEquals("unauthorized", response.error());
    assertErrorShape(response);
  }

  @Test
  void listEvaluations_tenantAsQueryParameter_isRefusedNotTrusted() {
    HandlerResponse response =
        HandlerResponse.invoke(handler, ProxyEvents.withoutTenant().param("organization", "acme").json());

    assertEquals(401, response.status());
  }

  @Test
  void listEvaluations_post_returns405() {
    HandlerResponse response = HandlerResponse.invoke(handler, ProxyEvents.method("POST", "acme").json());

    assertEquals(405, response.status());
    assertEquals("method_not_allowed", response.error());
    assertEquals("GET", response.headers().path("Allow").asText());
    assertErrorShape(response);
  }

  @Test
  void listEvaluations_malformedEvent_returns400() {
    for (String event : List.of("", "[]", "null", "{\"httpMethod\":", "not json", "{\"a\":" + "[".repeat(200),
        "{} {}", "{\"headers\":[1]}", "{\"multiValueQueryStringParameters\":{\"limit\":[{}]}}",
        "{\"requestContext\":{\"authorizer\":\"org-acme\"}}")) {
      HandlerResponse response = HandlerResponse.invoke(handler, event.getBytes(StandardCharsets.UTF_8));

      assertEquals(400, response.status(), event);
      assertEquals("bad_request", response.error());
      assertErrorShape(response);
    }
  }

  @Test
  void listEvaluations_dynamoDbFailure_returns503WithRetryAfter() {
    HandlerResponse response = HandlerResponse.invoke(handler, ProxyEvents.get("acme").json());

    assertEquals(503, response.status());
    assertEquals("service_unavailable", response.error());
    assertEquals("1", response.headers().path("Retry-After").asText());
    assertFalse(response.body().toString().contains("throttled"), "no internals leak to the client");
    assertErrorShape(response);
  }

  @Test
  void listEvaluations_emptyCreatedRange_returnsEmptyPageWithoutReading() {
    HandlerResponse response =
        HandlerResponse.invoke(
            handler,
            ProxyEvents.get("acme")
                .param("created_after", "2024-01-14T00:00:00Z")
                .param("created_before", "2024-01-14T02:00:00+02:00")
                .json());

    assertEquals(200, response.status(), response.body().toString());
    assertEquals(0, response.body().get("jobs").size());
    assertEquals(0, response.body().get("pagination").get("total_count").asLong());
    assertFalse(response.body().get("pagination").get("has_next").asBoolean());
    assertEquals(0, dynamo.queries.get());
  }

  @Test
  void listEvaluations_createdBoundsBeyondStorableYears_returnEmptyPageWithoutReading() {
    for (ProxyEvents event : List.of(
        ProxyEvents.get("acme").param("created_after", "+999999999-12-31T23:59:59.999999999-18:00"),
        ProxyEvents.get("acme").param("created_before", "-999999999-01-01T00:00:00+18:00"),
        ProxyEvents.get("acme").param("created_after", "9999-12-31T23:59:59.999999999Z").param("sort_by", "total_items"))) {
      HandlerResponse response = HandlerResponse.invoke(handler, event.json());

      assertEquals(200, response.status(), response.body().toString());
      assertEquals(0, response.body().get("pagination").get("total_count").asLong());
    }
    assertEquals(0, dynamo.queries.get());
  }

  private void assertInvalidToken(HandlerResponse response) {
    assertEquals(400, response.status(), response.body().toString());
    assertEquals("invalid_page_token", response.error());
    assertEquals("offset", response.parameter());
    assertEquals(EvaluationsErrorDialect.INVALID_TOKEN_MESSAGE, response.message());
    assertErrorShape(response);
    assertEquals(0, dynamo.queries.get());
  }

  private static void assertErrorShape(HandlerResponse response) {
    response.body().fieldNames().forEachRemaining(name -> assertTrue(ERROR_FIELDS.contains(name), name));
    assertFalse(response.message().isEmpty());
    assertEquals("application/json", response.headers().path("Content-Type").asText());
  }
}
