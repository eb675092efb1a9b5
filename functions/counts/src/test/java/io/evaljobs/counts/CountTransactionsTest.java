package io.evaljobs.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.evaluations.CounterKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountTransactionsTest {
  @Test
  void chunks_randomItemsSharingCounters_keepOrderAndNeverPassTheActionLimit() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      int actionsPerItem = 1 + random.nextInt(2);
      List<List<CounterKey>> items = new ArrayList<>();
      int size = random.nextInt(300);
      for (int i = 0; i < size; i++) {
        List<CounterKey> counters = new ArrayList<>();
        int moves = 1 + random.nextInt(12);
        for (int c = 0; c < moves; c++) {
          counters.add(new CounterKey("p" + random.nextInt(6), "b" + random.nextInt(30)));
        }
        items.add(counters);
      }
      List<List<List<CounterKey>>> chunks = CountTransactions.chunks(items, actionsPerItem, item -> item);
      List<List<CounterKey>> joined = new ArrayList<>();
      for (List<List<CounterKey>> chunk : chunks) {
        Set<CounterKey> moved = new HashSet<>();
        chunk.forEach(moved::addAll);
        assertTrue(actionsPerItem * chunk.size() + moved.size() <= CountTransactions.MAX_ACTIONS,
            "a transaction of " + (actionsPerItem * chunk.size() + moved.size()) + " actions");
        joined.addAll(chunk);
      }
      assertEquals(items, joined);
    }
  }
}
