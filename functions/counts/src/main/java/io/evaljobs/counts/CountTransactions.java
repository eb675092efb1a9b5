package io.evaljobs.counts;

import io.evaljobs.evaluations.CounterKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the writers of the counts table (this function and the CLI's backfill) share about DynamoDB transactions:
 * their size and their passing failures.
 */
public final class CountTransactions {
  /** DynamoDB's limit of actions in one TransactWriteItems. */
  static final int MAX_ACTIONS = 100;

  private CountTransactions() {}

  /**
   * Groups {@code items} into transactions of at most {@link #MAX_ACTIONS} actions: {@code actionsPerItem} of each
   * item's own, plus one per distinct counter the items of a group move.
   */
  public static <T> List<List<T>> chunks(
      List<T> items, int actionsPerItem, Function<T, Collection<CounterKey>> counters) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> chunk = new ArrayList<>();
    Set<CounterKey> moved = new HashSet<>();
    for (T item : items) {
      Set<CounterKey> added = new HashSet<>(counters.apply(item));
      added.removeAll(moved);
      if (!chunk.isEmpty() && actionsPerItem * (chunk.size() + 1) + moved.size() + added.size() > MAX_ACTIONS) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        moved = new HashSet<>();
        added = new HashSet<>(counters.apply(item));
      }
      chunk.add(item);
      moved.addAll(added);
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** A cancellation reason that goes away when the transaction is tried again. */
  public static boolean isTransient(String code) {
    return code.equals("TransactionConflict") || code.equals("ThrottlingError")
        || code.equals("ProvisionedThroughputExceeded");
  }
}
