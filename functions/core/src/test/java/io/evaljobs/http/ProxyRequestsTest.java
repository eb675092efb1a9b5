package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.lambda.LambdaJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyRequestsTest {

  private static APIGatewayProxyRequestEvent read(String json) {
    return LambdaJson.readEvent(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), APIGatewayProxyRequestEvent.class)
        .orElseThrow();
  }

  @Test
  void restProxyEvent_readsWhatHandlersUse() {
    APIGatewayProxyRequestEvent event = read("""
        {"resource":"/evaluations","path":"/evaluations","httpMethod":"GET",
         "headers":{"x-api-key":"k","Host":"h"},
         "multiValueHeaders":{"x-api-key":["k"],"Host":["h"],"Accept":["a/b","c/d"]},
         "queryStringParameters":{"status":"b"},
         "multiValueQueryStringParameters":{"status":["a","b"],"limit":["5"]},
         "requestContext":{"requestId":"r-1","path":"/v1/evaluations","stage":"v1",
           "authorizer":{"organization":"acme","principalId":"key1","count":3,"empty":"","nested":{"x":1}}},
         "body":null,"isBase64Encoded":false}
        """);
    assertEquals("GET", ProxyRequests.httpMethod(event));
    assertEquals("/evaluations", ProxyRequests.path(event));
    assertEquals("/v1/evaluations", ProxyRequests.requestPath(event));
    assertEquals(Map.of("status", List.of("a", "b"), "limit", List.of("5")), ProxyRequests.queryParameters(event));
    assertEquals(Optional.of("k"), ProxyRequests.header(event, "X-API-KEY"));
    assertEquals(Optional.of("h"), ProxyRequests.header(event, "host"));
    assertEquals(Optional.of("a/b"), ProxyRequests.header(event, "accept"));
    assertEquals(Optional.of("acme"), ProxyRequests.authorizerValue(event, "organization"));
    assertEquals(Optional.of("3"), ProxyRequests.authorizerValue(event, "count"));
    assertEquals(Optional.empty(), ProxyRequests.authorizerValue(event, "empty"));
    assertEquals(Optional.empty(), ProxyRequests.authorizerValue(event, "nested"));
    assertEquals("r-1", ProxyRequests.requestId(event));
  }

  @Test
  void singleValueParametersOnly_areTheParameters() {
    APIGatewayProxyRequestEvent event = read("""
        {"httpMethod":"GET","path":"/evaluations","queryStringParameters":{"status":"failed","limit":"5"}}
        """);
    assertEquals(Map.of("status", List.of("failed"), "limit", List.of("5")), ProxyRequests.queryParameters(event));
  }

  @Test
  void nullMapsAndMissingContext_giveEmptyValues() {
    APIGatewayProxyRequestEvent event = read("""
        {"httpMethod":"GET","path":"/evaluations","headers":null,"multiValueHeaders":null,
         "multiValueQueryStringParameters":null,"queryStringParameters":null,"requestContext":null,"body":"x"}
        """);
    assertTrue(ProxyRequests.queryParameters(event).isEmpty());
    assertEquals(Optional.empty(), ProxyRequests.header(event, "Host"));
    assertEquals(Optional.empty(), ProxyRequests.authorizerValue(event, "organization"));
    assertEquals("/evaluations", ProxyRequests.requestPath(event));
    assertEquals("", ProxyRequests.requestId(event));

    APIGatewayProxyRequestEvent bare = read("{}");
    assertEquals("", ProxyRequests.httpMethod(bare));
    assertEquals("", ProxyRequests.requestPath(bare));
  }

  @Test
  void nullValuesInMultiValueParameters_areLeftOut() {
    APIGatewayProxyRequestEvent event = read("""
        {"multiValueQueryStringParameters":{"status":["a",null],"limit":null}}
        """);
    assertEquals(Map.of("status", List.of("a"), "limit", List.of()), ProxyRequests.queryParameters(event));
  }

  @Test
  void single_repeatedParameter_isRefused() {
    QueryParameters parameters = new QueryParameters(Map.of("limit", List.of("1", "2"), "status", List.of("a")));
    InvalidParameterException e =
        org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class, () -> parameters.single("limit"));
    assertEquals("limit", e.parameter());
    assertEquals(InvalidParameterException.Kind.REPEATED, e.kind());
    assertEquals(Optional.of("a"), parameters.single("status"));
    assertEquals(Optional.of("2"), parameters.last("limit"));
    assertEquals(Optional.empty(), parameters.single("offset"));
  }
}
