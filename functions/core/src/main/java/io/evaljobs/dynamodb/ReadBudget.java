package io.evaljobs.dynamodb;

import java.util.Optional;

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

  /** Whether a read that has already cost {@code spent} may send another request. */
  public boolean allowsMoreAfter(ReadStats spent) {
    return spent.requests() < maxRequests && spent.itemsExamined() < maxItemsExamined;
  }

  /** What is left of this budget after {@code spent}; empty when nothing is. */
  public Optional<ReadBudget> remainingAfter(ReadStats spent) {
    return allowsMoreAfter(spent)
        ? Optional.of(new ReadBudget(maxRequests - spent.requests(), maxItemsExamined - spent.itemsExamined()))
        : Optional.empty();
  }
}
