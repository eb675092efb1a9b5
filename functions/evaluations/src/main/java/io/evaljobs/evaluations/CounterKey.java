package io.evaljobs.evaluations;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One counter item of the counts table: a family of listings (partition) and a span of creation times (bucket). */
public record CounterKey(String partition, String bucket) {
  public Map<String, AttributeValue> toKey() {
    return Map.of(JobCountTable.PK, AttributeValue.fromS(partition), JobCountTable.SK, AttributeValue.fromS(bucket));
  }
}
