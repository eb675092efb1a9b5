package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.auth.ApiName;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.http.ProxyResponses;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.tables.TemplateDocument;
import io.evaljobs.testing.SettableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiGatewayTest {
  private static final GatewayResponses RESPONSES = GatewayResponses.fromTemplate(TemplateDocument.load());

  /** An authorizer answering by key: "allow-*" allows with a tenant, "deny" denies, "boom" breaks, else 401. */
  private final AtomicInteger authorizerCalls = new AtomicInteger();
  private final List<String> authorizerEvents = new ArrayList<>();

  private final RequestStreamHandler authorizer =
      (input, output, context) -> {
        authorizerCalls.incrementAndGet();
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        authorizerEvents.add(event);
        String key = event.contains("\"allow-acme\"") ? "allow-acme" : event.contains("\"deny\"") ? "deny"
            : event.contains("\"boom\"") ? "boom" : "unknown";
        if (key.equals("unknown")) {
          throw new RuntimeException("Unauthorized");
        }
        if (key.equals("boom")) {
          throw new IllegalStateException("table unreachable");
        }
        String effect = key.equals("deny") ? "Deny" : "Allow";
        String policy =
            "{\"principalId\":\"key-1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                + "\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":"
                + "\"arn:aws:execute-api:us-east-1:000000000000:local/local/GET/*\"}]},"
                + "\"context\":{\"organization\":\"acme\"}}";
        output.write(policy.getBytes(StandardCharsets.UTF_8));
      };

  /** Records what the function was told (through the real handlers' parser) and answers an empty page. */
  private static final String EMPTY_EVALUATIONS_PAGE =
      "{\"jobs\":[],\"pagination\":{\"total_count\":0,\"limit\":25,\"offset\":0,\"has_next\":false,"
          + "\"has_previous\":false,\"next_offset\":null,\"previous_offset\":null}}";

  private final AtomicReference<APIGatewayProxyRequestEvent> seen = new AtomicReference<>();

  private final RequestStreamHandler function =
      (input, output, context) -> {
        APIGatewayProxyRequestEvent request =
            LambdaJson.readEvent(input, APIGatewayProxyRequestEvent.class).orElseThrow();
        seen.set(request);
        String body = ProxyRequests.path(request).equals(ApiName.SCORING.path()) ? "[]" : EMPTY_EVALUATIONS_PAGE;
        LambdaJson.write(
            ProxyResponses.of(ApiResponse.json(200, body).withHeader("Link", "<x>; rel=\"next\"")), output);
      };

  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private ContractCheckedGateway gateway(RequestStreamHandler evaluations) {
    return new ContractCheckedGateway(new ApiGateway(
        RESPONSES, authorizer, Map.of(ApiName.EVALUATIONS, evaluations, ApiName.SCORING, function), "us-east-1",
        clock));
  }

  private static IncomingRequest get(String path, String query, Map<String, List<String>> headers) {
    return new IncomingRequest("GET", path, Optional.ofNullable(query), headers, "203.0.113.9");
  }

  @Test
  void handle_allowedKey_passesDecodedQueryAndAuthorizerContextToTheFunction() {
    GatewayReply reply =
        gateway(function)
            .handle(
                get("/evaluations", "status=completed&judge_id=a%2Bb+c&status=failed&flag",
                    Map.of("X-api-key", List.of("allow-acme"))),
                "req-1");

    assertEquals(200, reply.statusCode());
    assertEquals(EMPTY_EVALUATIONS_PAGE, reply.bodyText());
    assertEquals(List.of("<x>; rel=\"next\""), reply.headers().get("Link"));
    assertEquals(List.of("req-1"), reply.headers().get("x-amzn-RequestId"));
    APIGatewayProxyRequestEvent request = seen.get();
    assertEquals("/evaluations", ProxyRequests.path(request));
    assertEquals(List.of("completed", "failed"), ProxyRequests.queryParameters(request).get("status"));
    assertEquals(List.of("a+b c"), ProxyRequests.queryParameters(request).get("judge_id"));
    assertEquals(List.of(""), ProxyRequests.queryParameters(request).get("flag"));
    assertEquals(Optional.of("acme"), ProxyRequests.authorizerValue(request, "organization"));
    assertEquals(Optional.of("key-1"), ProxyRequests.authorizerValue(request, "principalId"));
    assertEquals("req-1", ProxyRequests.requestId(request));
    assertEquals(Optional.of("allow-acme"), ProxyRequests.header(request, "X-API-Key"));
    assertTrue(authorizerEvents.get(0).contains(
        "\"methodArn\":\"arn:aws:execute-api:us-east-1:000000000000:local/local/GET/evaluations\""),
        authorizerEvents.get(0));
  }

  @Test
  void handle_withoutKeyHeader_answersUnauthorizedWithoutCallingTheAuthorizer() {
    GatewayReply evaluations = gateway(function).handle(get("/evaluations", null, Map.of()), "r");
    GatewayReply scoring =
        gateway(function).handle(get("/v2/confidence-scoring/jobs", null, Map.of("X-API-Key", List.of("allow-acme"))),
            "r");

    assertEquals(401, evaluations.statusCode());
    assertTrue(evaluations.bodyText().startsWith("{\"error\":\"unauthorized\""), evaluations.bodyText());
    assertEquals(401, scoring.statusCode());
    assertEquals("{\"detail\":\"Invalid or missing API key\"}", scoring.bodyText());
    assertEquals(0, authorizerCalls.get());
  }

  @Test
  void handle_authorizerOutcomes_mapToTheApisGatewayResponses() {
    ContractCheckedGateway gateway = gateway(function);
    GatewayReply unknown = gateway.handle(get("/evaluations", null, Map.of("X-API-Key", List.of("unknown"))), "r");
    GatewayReply denied = gateway.handle(get("/evaluations", null, Map.of("X-API-Key", List.of("deny"))), "r");
    GatewayReply broken = gateway.handle(get("/evaluations", null, Map.of("X-API-Key", List.of("boom"))), "r");
    GatewayReply scoringDenied =
        gateway.handle(get("/v2/confidence-scoring/jobs", null, Map.of("Meibel-API-Key", List.of("deny"))), "r");

    assertEquals(401, unknown.statusCode());
    assertEquals(403, denied.statusCode());
    assertEquals("{\"error\":\"forbidden\",\"message\":\"This API key is revoked or not valid for this API.\"}",
        denied.bodyText());
    assertEquals(500, broken.statusCode());
    assertTrue(broken.bodyText().contains("service_unavailable"), broken.bodyText());
    assertEquals(401, scoringDenied.statusCode(), "the scoring API answers ACCESS_DENIED with 401");
    assertEquals(List.of("application/json"), denied.headers().get("Content-Type"));
  }

  @Test
  void handle_unknownPathOrMethod_answersMissingAuthenticationToken() {
    ContractCheckedGateway gateway = gateway(function);
    GatewayReply unknown = gateway.handle(get("/nowhere", null, Map.of("X-API-Key", List.of("allow-acme"))), "r");
    GatewayReply post =
        gateway.handle(new IncomingRequest("POST", "/v2/confidence-scoring/jobs", Optional.empty(),
            Map.of("Meibel-API-Key", List.of("allow-acme")), "127.0.0.1"), "r");

    assertEquals(403, unknown.statusCode());
    assertEquals("{\"error\":\"bad_request\",\"message\":\"Missing Authentication Token\"}", unknown.bodyText());
    assertEquals(403, post.statusCode());
    assertEquals("{\"detail\":\"Missing Authentication Token\"}", post.bodyText());
    assertEquals(0, authorizerCalls.get());
  }

  @Test
  void handle_sameKeyWithinTtl_reusesTheCachedPolicyAndAsksAgainAfterIt() {
    ContractCheckedGateway gateway = gateway(function);
    IncomingRequest request = get("/evaluations", null, Map.of("X-API-Key", List.of("allow-acme")));
    gateway.handle(request, "a");
    gateway.handle(request, "b");
    assertEquals(1, authorizerCalls.get());
    clock.advance(LocalAuthorizer.CACHE_TTL.plusSeconds(1));
    gateway.handle(request, "c");
    assertEquals(2, authorizerCalls.get());
  }

  @Test
  void handle_functionFailsOrAnswersGarbage_answersBadGatewayInTheApisDialect() {
    GatewayReply thrown =
        gateway((input, output, context) -> {
          throw new IllegalStateException("boom");
        }).handle(get("/evaluations", null, Map.of("X-API-Key", List.of("allow-acme"))), "r");
    GatewayReply garbage =
        gateway((input, output, context) -> output.write("not json".getBytes(StandardCharsets.UTF_8)))
            .handle(get("/evaluations", null, Map.of("X-API-Key", List.of("allow-acme"))), "r");

    assertEquals(502, thrown.statusCode());
    assertTrue(thrown.bodyText().contains("service_unavailable"));
    assertEquals(502, garbage.statusCode());
  }

  @Test
  void proxyEvent_isReadByTheFunctionsObjectMapperWithEveryField() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("limit", List.of("5", "7"));
    byte[] event =
        LambdaEvents.proxyEvent(
            LambdaEvents.call("id-9", "GET", "/evaluations", Map.of("Accept", List.of("a", "b")), query,
                "10.0.0.1", "eu-west-1"),
            Map.of("organization", "globex", "principalId", "k"));
    APIGatewayProxyRequestEvent request =
        LambdaJson.readEvent(new ByteArrayInputStream(event), APIGatewayProxyRequestEvent.class).orElseThrow();
    assertEquals("GET", ProxyRequests.httpMethod(request));
    assertEquals("/evaluations", ProxyRequests.requestPath(request));
    assertEquals(List.of("5", "7"), ProxyRequests.queryParameters(request).get("limit"));
    assertEquals(Optional.of("b"), ProxyRequests.header(request, "accept"));
    assertEquals(Map.of("organization", "globex", "principalId", "k"), request.getRequestContext().getAuthorizer());
    assertEquals("id-9", ProxyRequests.requestId(request));
  }
}
