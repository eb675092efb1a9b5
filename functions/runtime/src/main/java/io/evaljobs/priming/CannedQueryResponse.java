package io.evaljobs.priming;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB Query response body in the service's JSON protocol, holding given items: what a primer's canned HTTP
 * client answers so that unmarshalling items and writing them as JSON run before a snapshot, without anyone's data.
 */
public final class CannedQueryResponse {
  private CannedQueryResponse() {}

  /** String and number attributes, the only types the tables' layouts write. */
  public static String of(List<Map<String, AttributeValue>> items) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeNumberField("Count", items.size());
      json.writeNumberField("ScannedCount", items.size());
      json.writeArrayFieldStart("Items");
      for (Map<String, AttributeValue> item : items) {
        writeItem(json, item);
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static void writeItem(JsonGenerator json, Map<String, AttributeValue> item) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      AttributeValue value = attribute.getValue();
      json.writeObjectFieldStart(attribute.getKey());
      if (value.s() != null) {
        json.writeStringField("S", value.s());
      } else if (value.n() != null) {
        json.writeStringField("N", value.n());
      } else {
        throw new IllegalArgumentException("only string and number attributes: " + attribute.getKey());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
