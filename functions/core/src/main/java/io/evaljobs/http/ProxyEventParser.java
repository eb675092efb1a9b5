package io.evaljobs.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an API Gateway REST proxy event straight from the Lambda input stream with the streaming parser: no
 * reflection, no event POJOs, so the first invocation pays for nothing it does not use.
 */
public final class ProxyEventParser {
  private static final int MAX_DEPTH = 32;

  private ProxyEventParser() {}

  public static ApiRequest parse(InputStream input) {
    try (JsonParser parser = Json.FACTORY.createParser(input)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedEventException("event is not a JSON object");
      }
      return readEvent(parser);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedEventException m) {
        throw m;
      }
      throw new MalformedEventException("event is not valid JSON");
    }
  }

  private static ApiRequest readEvent(JsonParser parser) throws IOException {
    String method = "";
    String path = "";
    Map<String, List<String>> single = new LinkedHashMap<>();
    Map<String, List<String>> multi = null;
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
    Map<String, String> authorizer = new LinkedHashMap<>();
    String[] requestContext = {"", ""};
    boolean hasBody = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "httpMethod" -> method = textOrEmpty(parser, value);
        case "path" -> path = textOrEmpty(parser, value);
        case "queryStringParameters" -> readStringMap(parser, value).forEach((k, v) -> single.put(k, List.of(v)));
        case "multiValueQueryStringParameters" -> multi = readMultiMap(parser, value);
        case "headers" -> headers.putAll(readStringMap(parser, value));
        case "multiValueHeaders" -> multiHeaders.putAll(readMultiMap(parser, value));
        case "body" -> {
          hasBody = value == JsonToken.VALUE_STRING && !parser.getText().isEmpty();
          parser.skipChildren();
        }
        case "requestContext" -> requestContext = readRequestContext(parser, value, authorizer);
        default -> parser.skipChildren();
      }
    }
    multiHeaders.forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.putIfAbsent(name, values.get(0));
      }
    });
    String requestPath = requestContext[1].isEmpty() ? path : requestContext[1];
    return new ApiRequest(
        method, path, requestPath, multi != null ? multi : single, headers, authorizer, requestContext[0], hasBody);
  }

  /** Returns {requestId, path}, and collects the authorizer context. */
  private static String[] readRequestContext(JsonParser parser, JsonToken token, Map<String, String> authorizer)
      throws IOException {
    String[] out = {"", ""};
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return out;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("requestId")) {
        out[0] = textOrEmpty(parser, value);
      } else if (field.equals("path")) {
        out[1] = textOrEmpty(parser, value);
      } else if (field.equals("authorizer")) {
        authorizer.putAll(readStringMap(parser, value));
      } else {
        parser.skipChildren();
      }
    }
    return out;
  }

  /** A JSON object of scalars; nested values (e.g. HTTP API's "lambda" context) and nulls are left out. */
  private static Map<String, String> readStringMap(JsonParser parser, JsonToken token) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return out;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        out.put(name, parser.getText());
      } else {
        skipBounded(parser);
      }
    }
    return out;
  }

  private static Map<String, List<String>> readMultiMap(JsonParser parser, JsonToken token) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return out;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      List<String> values = new ArrayList<>();
      if (value == JsonToken.START_ARRAY) {
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (element.isScalarValue() && element != JsonToken.VALUE_NULL) {
            values.add(parser.getText());
          } else {
            skipBounded(parser);
          }
        }
      } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        values.add(parser.getText());
      } else {
        skipBounded(parser);
      }
      out.put(name, List.copyOf(values));
    }
    return out;
  }

  private static void skipBounded(JsonParser parser) throws IOException {
    if (parser.getParsingContext().getNestingDepth() > MAX_DEPTH) {
      throw new MalformedEventException("event nests too deeply");
    }
    parser.skipChildren();
  }

  private static String textOrEmpty(JsonParser parser, JsonToken token) throws IOException {
    if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
      return parser.getText();
    }
    parser.skipChildren();
    return "";
  }
}
