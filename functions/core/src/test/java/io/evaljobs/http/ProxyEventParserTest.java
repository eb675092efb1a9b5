package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyEventParserTest {

  private static ApiRequest parse(String json) {
    return ProxyEventParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parse_restProxyEvent_readsWhatHandlersUse() {
    ApiRequest request = parse("""
        {"resource":"/evaluations","path":"/evaluations","httpMethod":"GET",
         "headers":{"x-api-key":"k","Host":"h"},
         "queryStringParameters":{"status":"b"},
         "multiValueQueryStringParameters":{"status":["a","b"],"limit":["5"]},
         "requestContext":{"requestId":"r-1","path":"/v1/evaluations","stage":"v1",
           "authorizer":{"organization":"acme","principalId":"key1","count":3,"nested":{"x":1}}},
         "body":null,"isBase64Encoded":false}
        """);
    assertEquals("GET", request.httpMethod());
    assertEquals("/evaluations", request.path());
    assertEquals("/v1/evaluations", request.requestPath());
    assertEquals(Map.of("status", List.of("a", "b"), "limit", List.of("5")), request.queryParameters());
    assertEquals(Optional.of("k"), request.header("X-API-KEY"));
    assertEquals(Optional.of("acme"), request.authorizerValue("organization"));
    assertEquals(Optional.of("3"), request.authorizerValue("count"));
    assertFalse(request.authorizerContext().containsKey("nested"));
    assertEquals("r-1", request.requestId());
    assertFalse(request.hasBody());
  }

  @Test
  void parse_nullMapsAndMissingContext_giveEmptyValues() {
    ApiRequest request = parse("""
        {"httpMethod":"GET","path":"/evaluations","headers":null,"multiValueQueryStringParameters":null,
         "queryStringParameters":null,"requestContext":null,"body":"x"}
        """);
    assertTrue(request.queryParameters().isEmpty());
    assertTrue(request.authorizerContext().isEmpty());
    assertEquals("/evaluations", request.requestPath());
    assertTrue(request.hasBody());
  }

  @Test
  void parse_notAnObject_isMalformed() {
    for (String json : new String[] {"", "[]", "42", "{", "{\"path\":", "nul", "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"}) {
      assertThrows(MalformedEventException.class, () -> parse(json), json);
    }
  }

  @Test
  void write_response_isAProxyResponseDocument() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProxyResponseWriter.write(ApiResponse.json(400, "{\"a\":\"\\u0000\"}").withHeader("Retry-After", "1"), out);
    String written = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        "{\"statusCode\":400,\"headers\":{\"Cache-Control\":\"no-store\",\"Content-Type\":\"application/json\","
            + "\"Retry-After\":\"1\",\"X-Content-Type-Options\":\"nosniff\"},"
            + "\"body\":\"{\\\"a\\\":\\\"\\\\u0000\\\"}\",\"isBase64Encoded\":false}",
        written);
  }

  @Test
  void single_repeatedParameter_isRefused() {
    QueryParameters parameters = new QueryParameters(Map.of("limit", List.of("1", "2"), "status", List.of("a")));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters.single("limit"));
    assertEquals("limit", e.parameter());
    assertEquals(InvalidParameterException.Kind.REPEATED, e.kind());
    assertEquals(Optional.of("a"), parameters.single("status"));
    assertEquals(Optional.of("2"), parameters.last("limit"));
    assertEquals(Optional.empty(), parameters.single("offset"));
  }
}
