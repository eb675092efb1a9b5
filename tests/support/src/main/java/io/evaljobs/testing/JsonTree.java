package io.evaljobs.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into maps (in document order), lists, strings, doubles, booleans and nulls, so tests can
 * compare handler output and log lines with plain collections. A duplicate field or trailing content fails the test:
 * a reader that kept the last value would hide either.
 */
public final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  /** The document, which must be one JSON object. */
  public static Map<String, Object> object(String json) {
    Object value = value(json);
    if (!(value instanceof Map)) {
      throw new AssertionError("not a JSON object: " + json);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) value;
    return object;
  }

  /** The document's one value, whatever it is. */
  public static Object value(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new AssertionError("no JSON value in: " + json);
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new AssertionError("trailing content after the JSON value: " + json);
      }
      return value;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (map.containsKey(name)) {
            throw new AssertionError("duplicate field " + name);
          }
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(parser, element));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        // One number type, as JSON has: 400 and 400.0 are the same value.
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected " + token);
    }
  }
}
