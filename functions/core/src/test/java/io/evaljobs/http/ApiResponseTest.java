package io.evaljobs.http;

import io.evaljobs.lambda.LambdaJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {
  private static final Map<String, String> TENANT_HEADERS =
      Map.of("Content-Type", "application/json", "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");

  @Test
  void everyResponse_whateverItsStatusOrBody_carriesNoStoreAndNosniff() {
    List<ApiResponse> responses =
        List.of(
            ApiResponse.json(200, "[]"),
            ApiResponse.json(200, json -> json.writeStartObject()),
            ApiResponse.json(400, "{\"error\":\"bad_request\"}"),
            ApiResponse.json(503, "{}").withHeader("Retry-After", "1"),
            new ApiResponse(405, Map.of("Allow", "GET"), "{}"));

    for (ApiResponse response : responses) {
      assertEquals("no-store", response.headers().get("Cache-Control"), response.toString());
      assertEquals("nosniff", response.headers().get("X-Content-Type-Options"), response.toString());
      assertEquals("application/json", response.headers().get("Content-Type"), response.toString());
    }
    assertEquals(TENANT_HEADERS, ApiResponse.TENANT_HEADERS);
  }

  @Test
  void writtenProxyDocument_holdsTheHeadersBesideTheCallersOwn() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LambdaJson.write(ProxyResponses.of(ApiResponse.json(503, "{}").withHeader("Retry-After", "1")), out);

    Map<String, String> expected = new LinkedHashMap<>(TENANT_HEADERS);
    expected.put("Retry-After", "1");
    assertEquals(expected, headersOf(out.toByteArray()));
  }

  /** The headers object of a proxy response document, read with the streaming parser. */
  private static Map<String, String> headersOf(byte[] document) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    try (JsonParser parser = Json.FACTORY.createParser(document)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (!"headers".equals(name)) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String header = parser.currentName();
          parser.nextToken();
          headers.put(header, parser.getText());
        }
      }
    }
    return headers;
  }
}
