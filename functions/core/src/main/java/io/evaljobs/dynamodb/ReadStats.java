package io.evaljobs.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** What reading cost: DynamoDB requests, items examined (ScannedCount) and read capacity consumed. */
public record ReadStats(int requests, long itemsExamined, double capacityUnits) {
  public static final ReadStats NONE = new ReadStats(0, 0, 0);

  /** What one Query cost, from its ScannedCount and ConsumedCapacity (when asked for). */
  public static ReadStats of(QueryResponse response) {
    return new ReadStats(
        1, response.scannedCount() == null ? 0 : response.scannedCount(), units(response.consumedCapacity()));
  }

  /** What one GetItem cost: the item it found, if any, and its ConsumedCapacity (when asked for). */
  public static ReadStats of(GetItemResponse response) {
    return new ReadStats(1, response.hasItem() ? 1 : 0, units(response.consumedCapacity()));
  }

  private static double units(ConsumedCapacity consumed) {
    return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
  }

  public ReadStats plus(ReadStats other) {
    return new ReadStats(
        requests + other.requests, itemsExamined + other.itemsExamined, capacityUnits + other.capacityUnits);
  }
}
