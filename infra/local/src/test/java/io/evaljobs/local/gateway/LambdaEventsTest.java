package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.evaljobs.http.GatewayCall;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaEventsTest {
  private static final GatewayCall CALL =
      LambdaEvents.call(
          "req-7",
          "GET",
          "/v2/confidence-scoring/jobs",
          Map.of("Meibel-API-Key", List.of("k"), "User-Agent", List.of("curl/8")),
          orderedQuery(),
          "198.51.100.4",
          "us-east-1");

  private static Map<String, List<String>> orderedQuery() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("limit", List.of("5"));
    query.put("agent_name", List.of("a b", "c"));
    return query;
  }

  @Test
  void proxyEvent_deserialisesAsTheRuntimeDeliversIt() {
    APIGatewayProxyRequestEvent event =
        LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(LambdaEvents.proxyEvent(CALL, Map.of("customer_id", "c", "principalId", "p"))));

    assertEquals("GET", event.getHttpMethod());
    assertEquals("/v2/confidence-scoring/jobs", event.getResource());
    assertEquals("/v2/confidence-scoring/jobs", event.getPath());
    assertEquals("c", event.getQueryStringParameters().get("agent_name"));
    assertEquals(List.of("a b", "c"), event.getMultiValueQueryStringParameters().get("agent_name"));
    assertEquals("k", event.getHeaders().get("Meibel-API-Key"));
    assertEquals("req-7", event.getRequestContext().getRequestId());
    assertEquals("local", event.getRequestContext().getStage());
    assertEquals("198.51.100.4", event.getRequestContext().getIdentity().getSourceIp());
    assertEquals("c", event.getRequestContext().getAuthorizer().get("customer_id"));
    assertEquals("p", event.getRequestContext().getAuthorizer().get("principalId"));
  }

  @Test
  void authorizerEvent_deserialisesWithTheMethodArnAndHeaders() {
    APIGatewayCustomAuthorizerEvent event =
        LambdaEventSerializers.serializerFor(APIGatewayCustomAuthorizerEvent.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(LambdaEvents.authorizerEvent(CALL)));

    assertEquals("REQUEST", event.getType());
    assertEquals("arn:aws:execute-api:us-east-1:000000000000:local/local/GET/v2/confidence-scoring/jobs",
        event.getMethodArn());
    assertEquals("k", event.getHeaders().get("Meibel-API-Key"));
    assertEquals("/v2/confidence-scoring/jobs", event.getResource());
    assertEquals("5", event.getQueryStringParameters().get("limit"));
  }

  @Test
  void proxyResponse_notAProxyResponse_isEmpty() {
    for (String answer : new String[] {"", "[]", "{\"statusCode\":\"abc\"}", "{\"headers\":[1]}", "{"}) {
      assertEquals(java.util.Optional.empty(),
          LambdaEvents.proxyResponse(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8)), answer);
    }
    assertEquals(204,
        LambdaEvents.proxyResponse("{\"statusCode\":204}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .orElseThrow().getStatusCode());
  }
}
