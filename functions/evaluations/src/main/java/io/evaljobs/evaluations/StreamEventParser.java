package io.evaljobs.evaluations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the DynamoDB Streams event Lambda delivers into {@link JobChange}s, keeping only the string and number
 * attributes the counters read; records that are not about a job are dropped.
 */
final class StreamEventParser {
  private StreamEventParser() {}

  static List<JobChange> parse(InputStream event) throws IOException {
    List<JobChange> changes = new ArrayList<>();
    try (JsonParser json = Json.FACTORY.createParser(event)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("Records") && json.currentToken() == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            record(json).ifPresent(changes::add);
          }
        } else {
          json.skipChildren();
        }
      }
    }
    return changes;
  }

  private static Optional<JobChange> record(JsonParser json) throws IOException {
    Optional<JobChange> change = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      if (field.equals("dynamodb") && json.currentToken() == JsonToken.START_OBJECT) {
        change = streamRecord(json);
      } else {
        json.skipChildren();
      }
    }
    return change;
  }

  private static Optional<JobChange> streamRecord(JsonParser json) throws IOException {
    String sequence = null;
    Map<String, AttributeValue> keys = Map.of();
    Map<String, AttributeValue> oldImage = Map.of();
    Map<String, AttributeValue> newImage = Map.of();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "SequenceNumber":
          sequence = value == JsonToken.VALUE_STRING ? json.getText() : null;
          break;
        case "Keys":
          keys = image(json);
          break;
        case "OldImage":
          oldImage = image(json);
          break;
        case "NewImage":
          newImage = image(json);
          break;
        default:
          json.skipChildren();
          break;
      }
    }
    if (sequence == null) {
      throw new IOException("a stream record has no SequenceNumber");
    }
    return JobChange.of(sequence, keys, oldImage, newImage);
  }

  private static Map<String, AttributeValue> image(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return Map.of();
    }
    Map<String, AttributeValue> image = new HashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String attribute = json.currentName();
      json.nextToken();
      attributeValue(json).ifPresent(v -> image.put(attribute, v));
    }
    return image;
  }

  /** {"S": "..."} or {"N": "..."}; any other type is skipped, since no counted attribute has one. */
  private static Optional<AttributeValue> attributeValue(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return Optional.empty();
    }
    Optional<AttributeValue> value = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String type = json.currentName();
      JsonToken token = json.nextToken();
      if (token == JsonToken.VALUE_STRING && type.equals("S")) {
        value = Optional.of(AttributeValue.fromS(json.getText()));
      } else if (token == JsonToken.VALUE_STRING && type.equals("N")) {
        value = Optional.of(AttributeValue.fromN(json.getText()));
      } else {
        json.skipChildren();
      }
    }
    return value;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("a stream event must be a JSON object");
    }
  }
}
