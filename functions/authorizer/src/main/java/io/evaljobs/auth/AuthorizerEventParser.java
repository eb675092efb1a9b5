package io.evaljobs.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a REQUEST authorizer event with the streaming parser. Anything it cannot read is a request without a usable
 * key, so every failure is an {@link UnauthorizedException}, never a crash.
 */
final class AuthorizerEventParser {
  private static final int MAX_DEPTH = 32;

  private AuthorizerEventParser() {}

  static AuthorizerRequest parse(InputStream input) {
    try (JsonParser parser = Json.FACTORY.createParser(input)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new UnauthorizedException("event is not a JSON object");
      }
      return readEvent(parser);
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnauthorizedException u) {
        throw u;
      }
      throw new UnauthorizedException("event is not valid JSON");
    }
  }

  private static AuthorizerRequest readEvent(JsonParser parser) throws IOException {
    String resource = "";
    String path = "";
    String methodArn = "";
    AuthorizerRequest.HeaderCollector headers = new AuthorizerRequest.HeaderCollector();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "resource" -> resource = textOrEmpty(parser, value);
        case "path" -> path = textOrEmpty(parser, value);
        case "methodArn" -> methodArn = textOrEmpty(parser, value);
        case "headers", "multiValueHeaders" -> readHeaders(parser, value, headers);
        default -> skipBounded(parser);
      }
    }
    return new AuthorizerRequest(resource, path, methodArn, headers.collected());
  }

  /** Reads both {"Name": "v"} and {"Name": ["v1", "v2"]}; nulls and nested values are left out. */
  private static void readHeaders(JsonParser parser, JsonToken token, AuthorizerRequest.HeaderCollector headers)
      throws IOException {
    if (token != JsonToken.START_OBJECT) {
      skipBounded(parser);
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY) {
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (element == JsonToken.VALUE_STRING) {
            headers.add(name, parser.getText());
          } else {
            skipBounded(parser);
          }
        }
      } else if (value == JsonToken.VALUE_STRING) {
        headers.add(name, parser.getText());
      } else {
        skipBounded(parser);
      }
    }
  }

  private static void skipBounded(JsonParser parser) throws IOException {
    if (parser.getParsingContext().getNestingDepth() > MAX_DEPTH) {
      throw new UnauthorizedException("event nests too deeply");
    }
    parser.skipChildren();
  }

  private static String textOrEmpty(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    skipBounded(parser);
    return "";
  }
}
