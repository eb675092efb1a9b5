package io.evaljobs.dynamodb;

/** What reading cost: DynamoDB requests, items examined (ScannedCount) and read capacity consumed. */
public record ReadStats(int requests, long itemsExamined, double capacityUnits) {
  public static final ReadStats NONE = new ReadStats(0, 0, 0);

  public ReadStats plus(ReadStats other) {
    return new ReadStats(
        requests + other.requests, itemsExamined + other.itemsExamined, capacityUnits + other.capacityUnits);
  }
}
