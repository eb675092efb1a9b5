package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.lambda.LambdaJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayCallTest {

  private static <T> T throughJson(Object event, Class<T> type) {
    return LambdaJson.readEvent(
            new ByteArrayInputStream(LambdaJson.toJson(event).getBytes(StandardCharsets.UTF_8)), type)
        .orElseThrow();
  }

  @Test
  void proxyEvent_writtenAndReadBack_givesTheCall() {
    GatewayCall call =
        GatewayCall.of("GET", "/evaluations")
            .withHeader("X-API-Key", "k")
            .withQueryParameter("status", "failed")
            .withQueryParameter("status", "queued")
            .withQueryParameter("q", "a#b \u00e9\"\\ \ud83d\ude00")
            .withRequest("r-7", "10.0.0.1");
    APIGatewayProxyRequestEvent event =
        throughJson(call.proxyEvent(Map.of("organization", "acme", "principalId", "p")),
            APIGatewayProxyRequestEvent.class);
    assertEquals("GET", ProxyRequests.httpMethod(event));
    assertEquals("/evaluations", ProxyRequests.path(event));
    assertEquals("/v1/evaluations", ProxyRequests.requestPath(event));
    assertEquals(
        Map.of("status", List.of("failed", "queued"), "q", List.of("a#b \u00e9\"\\ \ud83d\ude00")),
        ProxyRequests.queryParameters(event));
    assertEquals("queued", event.getQueryStringParameters().get("status"));
    assertEquals(Optional.of("k"), ProxyRequests.header(event, "x-api-key"));
    assertEquals(Map.of("organization", "acme", "principalId", "p"), event.getRequestContext().getAuthorizer());
    assertEquals("r-7", ProxyRequests.requestId(event));
    assertEquals("10.0.0.1", event.getRequestContext().getIdentity().getSourceIp());
  }

  @Test
  void authorizerEvent_carriesTheMethodArnAndEveryHeaderValueOfTheCall() {
    GatewayCall call =
        GatewayCall.of("GET", "/v2/confidence-scoring/jobs")
            .at("prod", "/prod/v2/confidence-scoring/jobs", "eu-west-1", "111122223333", "api9")
            .withHeader("Meibel-API-Key", "a")
            .withHeader("Meibel-API-Key", "b");
    assertEquals("arn:aws:execute-api:eu-west-1:111122223333:api9/prod/GET/v2/confidence-scoring/jobs",
        call.methodArn());
    RequestAuthorizerEvent event = throughJson(call.authorizerEvent(), RequestAuthorizerEvent.class);
    assertEquals("REQUEST", event.getType());
    assertEquals(call.methodArn(), event.getMethodArn());
    assertEquals("/v2/confidence-scoring/jobs", event.getResource());
    assertEquals("/prod/v2/confidence-scoring/jobs", event.getRequestContext().getPath());
    assertEquals(Map.of("Meibel-API-Key", "b"), event.getHeaders());
    assertEquals(Map.of("Meibel-API-Key", List.of("a", "b")), event.getMultiValueHeaders());
  }
}
