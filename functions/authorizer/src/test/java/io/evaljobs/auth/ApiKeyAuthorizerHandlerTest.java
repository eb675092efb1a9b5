package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tenant.Tenant;
import io.evaljobs.testing.JsonTree;
import io.evaljobs.testing.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class ApiKeyAuthorizerHandlerTest {
  private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant EXPIRY = Instant.parse("2026-03-01T00:00:00Z");
  private static final String EVAL_KEY = "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw";
  private static final String SCORE_KEY = "ej_score_unit_cust9_P2mdqog0TKFbPcaiAN8izjzMWBP0kKEO";
  private static final String REVOKED_KEY = "ej_eval_unit_revoked_8rAdZT1ZqLvUP6EFjxegESJg1i_HS7";
  private static final String UNKNOWN_KEY = "ej_eval_unit_unknown_AN0IDkOT1Tb5ua8KCDnBEdx4zsKs8K";
  private static final String EXPIRING_KEY = "ej_eval_unit_expired_pvcTNr0WbS-jHcsKvUbMqJ8iOThNRt";

  private final InMemoryApiKeyLookup keys =
      new InMemoryApiKeyLookup()
          .store(EVAL_KEY, record("evalkey00001", ApiName.EVALUATIONS, new Tenant.Organization("acme"), false))
          .store(SCORE_KEY,
              record("scorekey0001", ApiName.SCORING, new Tenant.CustomerProject("cust-9", "proj-3"), false))
          .store(REVOKED_KEY,
              record("revokedkey01", ApiName.EVALUATIONS, new Tenant.Organization("acme"), true))
          .store(EXPIRING_KEY,
              new ApiKeyRecord("expiring0001", ApiName.EVALUATIONS, new Tenant.Organization("acme"), "expiring",
                  false, CREATED, Optional.empty(), Optional.of(EXPIRY)));
  private final SettableClock clock = new SettableClock(EXPIRY.minusSeconds(3600));
  private final ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(keys, clock);
  private final RecordingContext context = new RecordingContext();

  @Test
  void handleRequest_validEvaluationsKey_allowsWithOrganizationContext() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", EVAL_KEY)));

    assertEquals("evalkey00001", policy.get("principalId"));
    assertEquals("Allow", statement(policy).get("Effect"));
    assertEquals(
        Map.of("api", "evaluations", "key_id", "evalkey00001", "organization", "acme"), policy.get("context"));
  }

  @Test
  void handleRequest_validScoringKey_allowsWithCustomerAndProjectContext() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.scoring(Map.of("Meibel-API-Key", SCORE_KEY)));

    assertEquals("scorekey0001", policy.get("principalId"));
    assertEquals("Allow", statement(policy).get("Effect"));
    assertEquals(
        Map.of("api", "scoring", "key_id", "scorekey0001", "customer_id", "cust-9", "project_id", "proj-3"),
        policy.get("context"));
  }

  @Test
  void handleRequest_allow_writesThePolicyDocumentApiGatewayExpects() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", EVAL_KEY)));

    assertEquals(List.of("principalId", "policyDocument", "context"), List.copyOf(policy.keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) policy.get("policyDocument");
    assertEquals("2012-10-17", document.get("Version"));
    assertEquals(
        List.of(Map.of(
            "Action", "execute-api:Invoke",
            "Effect", "Allow",
            "Resource", List.of("arn:aws:execute-api:eu-west-1:111122223333:abc123defg/v1/GET/evaluations"))),
        document.get("Statement"));
  }

  @Test
  void handleRequest_allow_namesOnlyTheGetRouteOfTheApiAndStageInTheMethodArn() throws IOException {
    String arn = "arn:aws-cn:execute-api:cn-north-1:444455556666:zz99yy88xx/staging_2/POST/evaluations/extra";
    Map<String, Object> policy =
        invoke(AuthorizerEvents.event("/evaluations", arn, Map.of("X-API-Key", EVAL_KEY)));

    assertEquals("Allow", statement(policy).get("Effect"));
    assertEquals(List.of("arn:aws-cn:execute-api:cn-north-1:444455556666:zz99yy88xx/staging_2/GET/evaluations"),
        statement(policy).get("Resource"));
  }

  @Test
  void handleRequest_scoringAllow_namesTheScoringRouteOfItsOwnApiId() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.scoring(Map.of("Meibel-API-Key", SCORE_KEY)));

    assertEquals(List.of("arn:aws:execute-api:eu-west-1:111122223333:hij456klmn/prod/GET/v2/confidence-scoring/jobs"),
        statement(policy).get("Resource"));
  }

  @Test
  void handleRequest_expiringKey_isAllowedUntilItsExpiryAndDeniedLikeARevokedKeyFromThen() throws IOException {
    String event = AuthorizerEvents.evaluations(Map.of("X-API-Key", EXPIRING_KEY));
    clock.set(EXPIRY.minusMillis(1));
    assertEquals("Allow", statement(invoke(event)).get("Effect"));

    clock.set(EXPIRY);
    Map<String, Object> expired = invoke(event);
    Map<String, Object> revoked = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", REVOKED_KEY)));

    assertEquals("expiring0001", expired.get("principalId"));
    assertEquals(statement(revoked), statement(expired), "the same answer as a revoked key");
    assertEquals(revoked.keySet(), expired.keySet());
    assertFalse(expired.containsKey("context"), "an expired key hands no tenant to the backend");
    assertTrue(context.log().contains("deny expired key key_id=expiring0001"), context.log());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "garbage",
      "ej_eval_",
      "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPj",
      "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjwX",
      "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNP+w",
      "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNP=w",
      "ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNP\u00e9",
      "ej_eval_unit_acme wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw",
      "EJ_EVAL_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw",
      "ej_evalXunit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw",
      "xx_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw",
      "ej_score_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNP",
      "Bearer ej_eval_unit_acme_wm7PpGXsXjG6shCfz0e9hzhk4gQenNPjw"
  })
  void handleRequest_keyNotOfTheKeyFormat_isRefusedWithoutAKeyTableRead(String key) {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("X-API-Key", key)));

    assertEquals(0, keys.lookups(), "a malformed key is refused before any lookup");
    assertTrue(context.log().contains("unauthorized, malformed key"), context.log());
  }

  @Test
  void handleRequest_wellFormedKeyOfTheOtherApi_isLookedUpAndDenied() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", SCORE_KEY)));

    assertEquals(1, keys.lookups());
    assertEquals("Deny", statement(policy).get("Effect"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-API-Key", "x-api-key", "X-API-KEY", "x-Api-kEy"})
  void handleRequest_evaluationsHeaderInAnyCase_isAccepted(String headerName) throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of(headerName, EVAL_KEY)));

    assertEquals("Allow", statement(policy).get("Effect"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Meibel-API-Key", "meibel-api-key", "MEIBEL-API-KEY"})
  void handleRequest_scoringHeaderInAnyCase_isAccepted(String headerName) throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.scoring(Map.of(headerName, SCORE_KEY)));

    assertEquals("Allow", statement(policy).get("Effect"));
  }

  @Test
  void handleRequest_keyOnlyInMultiValueHeaders_isAccepted() throws IOException {
    String event =
        "{\"type\":\"REQUEST\",\"methodArn\":\"" + AuthorizerEvents.EVALUATIONS_ARN + "\","
            + "\"resource\":\"/evaluations\",\"headers\":null,"
            + "\"multiValueHeaders\":{\"x-api-key\":[\"" + EVAL_KEY + "\"]}}";

    assertEquals("Allow", statement(invoke(event)).get("Effect"));
  }

  @Test
  void handleRequest_withoutResource_decidesFromThePath() throws IOException {
    String event =
        "{\"type\":\"REQUEST\",\"methodArn\":\"" + AuthorizerEvents.SCORING_ARN + "\","
            + "\"path\":\"/v2/confidence-scoring/jobs\",\"headers\":{\"Meibel-API-Key\":\"" + SCORE_KEY + "\"}}";

    assertEquals("Allow", statement(invoke(event)).get("Effect"));
  }

  @Test
  void handleRequest_missingHeader_throwsUnauthorized() {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("Accept", "application/json")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void handleRequest_blankKey_throwsUnauthorized(String key) {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("X-API-Key", key)));
  }

  @Test
  void handleRequest_unknownKey_throwsUnauthorized() {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("X-API-Key", UNKNOWN_KEY)));
    assertEquals(1, keys.lookups(), "a well-formed key is looked up");
  }

  @Test
  void handleRequest_validKeyWithExtraWhitespace_throwsUnauthorized() {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("X-API-Key", EVAL_KEY + " ")));
  }

  @Test
  void handleRequest_keyInTheOtherApisHeader_throwsUnauthorized() {
    assertUnauthorized(AuthorizerEvents.evaluations(Map.of("Meibel-API-Key", EVAL_KEY)));
    assertUnauthorized(AuthorizerEvents.scoring(Map.of("X-API-Key", SCORE_KEY)));
  }

  @Test
  void handleRequest_twoDifferentKeysInOneHeader_throwsUnauthorized() {
    String event =
        "{\"methodArn\":\"" + AuthorizerEvents.EVALUATIONS_ARN + "\",\"resource\":\"/evaluations\","
            + "\"multiValueHeaders\":{\"X-API-Key\":[\"" + EVAL_KEY + "\",\"" + REVOKED_KEY + "\"]}}";

    assertUnauthorized(event);
  }

  @Test
  void handleRequest_revokedKey_returnsDeny() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", REVOKED_KEY)));

    assertEquals("revokedkey01", policy.get("principalId"));
    assertEquals("Deny", statement(policy).get("Effect"));
    assertFalse(policy.containsKey("context"), "a denied key hands no tenant to the backend");
  }

  @Test
  void handleRequest_scoringKeyOnEvaluationsApi_returnsDeny() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.evaluations(Map.of("X-API-Key", SCORE_KEY)));

    assertEquals("Deny", statement(policy).get("Effect"));
    assertFalse(policy.containsKey("context"));
  }

  @Test
  void handleRequest_evaluationsKeyOnScoringApi_returnsDeny() throws IOException {
    Map<String, Object> policy = invoke(AuthorizerEvents.scoring(Map.of("Meibel-API-Key", EVAL_KEY)));

    assertEquals("Deny", statement(policy).get("Effect"));
    assertEquals(
        List.of("arn:aws:execute-api:eu-west-1:111122223333:hij456klmn/prod/GET/v2/confidence-scoring/jobs"),
        statement(policy).get("Resource"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/other", "/evaluations/", "/EVALUATIONS", "/v2/confidence-scoring/jobs/1", "/"})
  void handleRequest_resourceNoApiGuards_returnsDeny(String resource) throws IOException {
    Map<String, Object> policy =
        invoke(AuthorizerEvents.event(resource, AuthorizerEvents.EVALUATIONS_ARN, Map.of("X-API-Key", EVAL_KEY)));

    assertEquals("Deny", statement(policy).get("Effect"));
    assertFalse(policy.containsKey("context"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "garbage", "{", "null", "[]", "42", "\"text\"", "{\"headers\":", "{} {",
      "{}",
      "{\"headers\":null,\"multiValueHeaders\":null,\"requestContext\":null}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\"}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":[\"X-API-Key\"],\"multiValueHeaders\":\"X-API-Key\"}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":{\"X-API-Key\":null},\"multiValueHeaders\":{\"X-API-Key\":[null, {}, []]}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":{\"X-API-Key\":42}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":{\"X-API-Key\":{\"nested\":\"" + EVAL_KEY + "\"}}}",
      "{\"resource\":\"/evaluations\",\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":null,\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"not-an-arn\",\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:*/*/*/*\","
          + "\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:lambda:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}}",
      "{\"resource\":\"/evaluations\",\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:abc/v1/GET/x\","
          + "\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"}"
  })
  void handleRequest_malformedEvent_throwsUnauthorizedNotACrash(String event) {
    assertUnauthorized(event);
  }

  @Test
  void handleRequest_deeplyNestedEvent_throwsUnauthorized() {
    String event = "{\"requestContext\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertUnauthorized(event);
  }

  @Test
  void handleRequest_invalidUtf8_throwsUnauthorized() {
    byte[] event = {'{', '"', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class,
            () -> handler.handleRequest(new java.io.ByteArrayInputStream(event), new ByteArrayOutputStream(), null));
    assertEquals("Unauthorized", e.getMessage());
  }

  @Test
  void handleRequest_keyTableUnreadable_failsWithAnErrorOtherThanUnauthorized() {
    ApiKeyAuthorizerHandler failing = new ApiKeyAuthorizerHandler(new FailingDynamoDb(), "keys");

    RuntimeException e =
        assertThrows(RuntimeException.class,
            () -> failing.handleRequest(
                AuthorizerEvents.stream(AuthorizerEvents.evaluations(Map.of("X-API-Key", EVAL_KEY))),
                new ByteArrayOutputStream(),
                context));
    assertInstanceOf(KeyLookupFailedException.class, e);
    assertNotEquals("Unauthorized", e.getMessage());
  }

  @Test
  void handleRequest_anyOutcome_neverWritesAKeyToOutputLogsOrErrors() throws IOException {
    List<String> secrets = List.of(EVAL_KEY, SCORE_KEY, REVOKED_KEY, UNKNOWN_KEY);
    List<String> events = List.of(
        AuthorizerEvents.evaluations(Map.of("X-API-Key", EVAL_KEY)),
        AuthorizerEvents.scoring(Map.of("Meibel-API-Key", SCORE_KEY)),
        AuthorizerEvents.evaluations(Map.of("X-API-Key", REVOKED_KEY)),
        AuthorizerEvents.evaluations(Map.of("X-API-Key", SCORE_KEY)),
        AuthorizerEvents.evaluations(Map.of("X-API-Key", UNKNOWN_KEY)),
        AuthorizerEvents.event("/other", AuthorizerEvents.EVALUATIONS_ARN, Map.of("X-API-Key", EVAL_KEY)),
        AuthorizerEvents.event("/evaluations", "not-an-arn", Map.of("X-API-Key", EVAL_KEY)),
        "{\"headers\":{\"X-API-Key\":\"" + EVAL_KEY + "\"",
        "{\"resource\":\"/evaluations\",\"methodArn\":\"" + AuthorizerEvents.EVALUATIONS_ARN + "\","
            + "\"multiValueHeaders\":{\"X-API-Key\":[\"" + EVAL_KEY + "\",\"" + UNKNOWN_KEY + "\"]}}");
    ApiKeyAuthorizerHandler failing = new ApiKeyAuthorizerHandler(new FailingDynamoDb(), "keys");

    StringBuilder everything = new StringBuilder();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      for (String event : events) {
        everything.append(outcome(handler, event, context)).append('\n');
        everything.append(outcome(handler, event, null)).append('\n');
        everything.append(outcome(failing, event, context)).append('\n');
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    everything.append(console.toString(StandardCharsets.UTF_8)).append(context.log());

    String all = everything.toString();
    assertTrue(all.contains("evalkey00001") && all.contains("\"Allow\"") && all.contains("Unauthorized"),
        "the capture must hold the decisions, or it proves nothing");
    assertTrue(context.log().contains("key_id=revokedkey01"), "decisions are logged by key id");
    for (String secret : secrets) {
      assertFalse(all.contains(secret), "a key leaked into output");
      assertFalse(all.contains(secret.substring(secret.length() - 16)), "part of a key leaked into output");
    }
  }

  /** The response, or the thrown exception with its whole stack trace, as the runtime would report it. */
  private static String outcome(ApiKeyAuthorizerHandler handler, String event, RecordingContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(AuthorizerEvents.stream(event), out, context);
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      return out.toString(StandardCharsets.UTF_8) + trace;
    }
  }

  private Map<String, Object> invoke(String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(AuthorizerEvents.stream(event), out, context);
    return JsonTree.object(out.toString(StandardCharsets.UTF_8));
  }

  private void assertUnauthorized(String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UnauthorizedException e =
        assertThrows(UnauthorizedException.class,
            () -> handler.handleRequest(AuthorizerEvents.stream(event), out, context));
    assertEquals("Unauthorized", e.getMessage());
    assertEquals(0, out.size(), "nothing is written when the request is refused");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statement(Map<String, Object> policy) {
    Map<String, Object> document = (Map<String, Object>) policy.get("policyDocument");
    List<Object> statements = (List<Object>) document.get("Statement");
    assertEquals(1, statements.size());
    return (Map<String, Object>) statements.get(0);
  }

  private static ApiKeyRecord record(String keyId, ApiName api, Tenant tenant, boolean revoked) {
    return new ApiKeyRecord(keyId, api, tenant, "unit test key", revoked, CREATED,
        revoked ? Optional.of(CREATED.plusSeconds(60)) : Optional.empty());
  }

  /** A DynamoDB client whose every read fails, as during an outage. */
  private static final class FailingDynamoDb implements DynamoDbClient {
    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      throw DynamoDbException.builder().message("service unavailable").statusCode(503).build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
