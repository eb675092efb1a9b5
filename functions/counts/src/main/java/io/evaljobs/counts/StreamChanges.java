package io.evaljobs.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link JobChange}s of a DynamoDB stream event, keeping only the string and number attributes the counters
 * read; records that are not about a job are dropped.
 */
final class StreamChanges {
  private StreamChanges() {}

  /** @throws IllegalArgumentException if a record has no SequenceNumber, without which no change can be counted once */
  static List<JobChange> of(List<DynamodbEvent.DynamodbStreamRecord> records) {
    List<JobChange> changes = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : records) {
      StreamRecord stream = record.getDynamodb();
      if (stream == null) {
        continue;
      }
      if (stream.getSequenceNumber() == null) {
        throw new IllegalArgumentException("a stream record has no SequenceNumber");
      }
      JobChange.of(stream.getSequenceNumber(), image(stream.getKeys()), image(stream.getOldImage()),
              image(stream.getNewImage()))
          .ifPresent(changes::add);
    }
    return changes;
  }

  /** {"S": "..."} and {"N": "..."} values; any other type is left out, since no counted attribute has one. */
  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    if (image == null) {
      return Map.of();
    }
    Map<String, AttributeValue> values = new HashMap<>();
    image.forEach((name, value) -> {
      if (value == null) {
        return;
      }
      if (value.getS() != null) {
        values.put(name, AttributeValue.fromS(value.getS()));
      } else if (value.getN() != null) {
        values.put(name, AttributeValue.fromN(value.getN()));
      }
    });
    return values;
  }
}
