package io.evaljobs.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** What reading cost: DynamoDB requests, items examined (ScannedCount) and read capacity consumed. */
public record ReadStats(int requests, long itemsExamined, double capacityUnits) {
  public static final ReadStats NONE = new ReadStats(0, 0, 0);

  /** What one Query cost, from its ScannedCount and ConsumedCapacity (when asked for). */
  public static ReadStats of(QueryResponse response) {
    double capacity = response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
        ? 0
        : response.consumedCapacity().capacityUnits();
    return new ReadStats(1, response.scannedCount() == null ? 0 : response.scannedCount(), capacity);
  }

  public ReadStats plus(ReadStats other) {
    return new ReadStats(
        requests + other.requests, itemsExamined + other.itemsExamined, capacityUnits + other.capacityUnits);
  }
}
