package io.evaljobs.evaluations;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One counter item of the counts table: a family of listings (partition) and a span of creation times (bucket). */
record CounterKey(String partition, String bucket) {
  Map<String, AttributeValue> toKey() {
    return Map.of(JobCountTable.PK, AttributeValue.fromS(partition), JobCountTable.SK, AttributeValue.fromS(bucket));
  }
}
