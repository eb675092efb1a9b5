package io.evaljobs.dynamodb;

/**
 * Caps the work of one read: DynamoDB requests and items examined. A read that reaches a cap stops early and says
 * where to resume, so that a selective filter on a broad index costs a short page, never an unbounded loop.
 */
public record ReadBudget(int maxRequests, long maxItemsExamined) {
  public ReadBudget {
    if (maxRequests < 1 || maxItemsExamined < 1) {
      throw new IllegalArgumentException("a budget allows at least one request and one item");
    }
  }
}
