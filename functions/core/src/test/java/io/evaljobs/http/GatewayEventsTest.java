package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayEventsTest {

  private static ApiRequest parse(String event) {
    return ProxyEventParser.parse(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void proxyEvent_parsedBack_givesTheCall() {
    GatewayEvents.Call call =
        GatewayEvents.Call.of("GET", "/evaluations")
            .withHeader("X-API-Key", "k")
            .withQueryParameter("status", "failed")
            .withQueryParameter("status", "queued")
            .withQueryParameter("q", "a#b \u00e9\"\\")
            .withRequest("r-7", "10.0.0.1");
    ApiRequest request = parse(GatewayEvents.proxyEvent(call, Map.of("organization", "acme", "principalId", "p")));
    assertEquals("GET", request.httpMethod());
    assertEquals("/evaluations", request.path());
    assertEquals("/v1/evaluations", request.requestPath());
    assertEquals(Map.of("status", List.of("failed", "queued"), "q", List.of("a#b \u00e9\"\\")), request.queryParameters());
    assertEquals(Optional.of("k"), request.header("x-api-key"));
    assertEquals(Map.of("organization", "acme", "principalId", "p"), request.authorizerContext());
    assertEquals("r-7", request.requestId());
  }

  @Test
  void authorizerEvent_carriesTheMethodArnOfTheCall() {
    GatewayEvents.Call call =
        GatewayEvents.Call.of("GET", "/v2/confidence-scoring/jobs").at("prod", "/prod/v2/confidence-scoring/jobs",
            "eu-west-1", "111122223333", "api9");
    assertEquals("arn:aws:execute-api:eu-west-1:111122223333:api9/prod/GET/v2/confidence-scoring/jobs",
        call.methodArn());
    String event = GatewayEvents.authorizerEvent(call);
    assertEquals(true, event.contains("\"type\":\"REQUEST\""));
    assertEquals(true, event.contains("\"methodArn\":\"" + call.methodArn() + "\""));
    assertEquals("/prod/v2/confidence-scoring/jobs", parse(event).requestPath());
  }
}
