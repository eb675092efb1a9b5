package io.evaljobs.local.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a proxy integration's answer (statusCode, headers, multiValueHeaders, body) as API Gateway does. */
final class ProxyResponseReader {
  private ProxyResponseReader() {}

  /** The response, or empty when the answer is malformed (API Gateway: 502). */
  static Optional<GatewayReply> read(byte[] answer) {
    int status = 200;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String body = "";
    boolean base64 = false;
    try (JsonParser parser = Json.FACTORY.createParser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "statusCode" -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              return Optional.empty();
            }
            status = parser.getIntValue();
          }
          case "headers" -> readHeaders(parser, value, headers, false);
          case "multiValueHeaders" -> readHeaders(parser, value, headers, true);
          case "body" -> body = value == JsonToken.VALUE_NULL ? "" : parser.getText();
          case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
          default -> parser.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (status < 100 || status > 599) {
      return Optional.empty();
    }
    byte[] bytes =
        base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    return Optional.of(new GatewayReply(status, headers, bytes));
  }

  private static void readHeaders(JsonParser parser, JsonToken token, Map<String, List<String>> headers,
      boolean multi) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      List<String> values = headers.computeIfAbsent(name, n -> new ArrayList<>());
      if (multi && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          values.add(parser.getText());
        }
      } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        values.add(parser.getText());
      } else {
        parser.skipChildren();
      }
    }
  }
}
