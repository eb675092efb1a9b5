package io.evaljobs.observability;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a JSON document into maps, lists, strings, numbers and booleans, for assertions on log lines. */
final class JsonTree {
  private JsonTree() {}

  static Map<String, Object> object(String json) {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) read(parser);
      if (parser.nextToken() != null) {
        throw new AssertionError("trailing content after the JSON object: " + json);
      }
      return value;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String name = parser.currentName();
        parser.nextToken();
        if (map.put(name, read(parser)) != null) {
          throw new AssertionError("duplicate field " + name);
        }
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(parser));
      }
      return list;
    }
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      default:
        return null;
    }
  }
}
