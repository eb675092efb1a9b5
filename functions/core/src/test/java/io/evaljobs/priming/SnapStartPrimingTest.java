package io.evaljobs.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
  private final List<String> calls = new ArrayList<>();

  private Resource recording(String name) {
    return new Resource() {
      @Override
      public void beforeCheckpoint(Context<? extends Resource> context) {
        calls.add("before " + name);
      }

      @Override
      public void afterRestore(Context<? extends Resource> context) {
        calls.add("after " + name);
      }
    };
  }

  @Test
  void checkpointAndRestore_notifiesInTheOrderOfACracRuntime() {
    SnapStartPriming.checkpointAndRestore(List.of(recording("connections"), recording("primer")));

    assertEquals(List.of("before primer", "before connections", "after connections", "after primer"), calls);
  }

  @Test
  void beforeCheckpoint_quickPrimer_sendsEachEventPastTheCompileThreshold() throws Exception {
    int[] runs = {0};
    new SnapStartPriming.PrimingResource(() -> runs[0]++).beforeCheckpoint(null);

    assertEquals(SnapStartPriming.RUNS, runs[0]);
    assertTrue(runs[0] * PrimingRequests.ROUNDS > SnapStartPriming.COMPILE_THRESHOLD,
        runs[0] * PrimingRequests.ROUNDS + " requests per event leave a once-per-request method interpreted");
  }

  @Test
  void beforeCheckpoint_failingPrimer_stopsWithoutFailingTheSnapshot() throws Exception {
    int[] runs = {0};
    new SnapStartPriming.PrimingResource(() -> {
      runs[0]++;
      throw new IllegalStateException("no table");
    }).beforeCheckpoint(null);

    assertEquals(1, runs[0]);
  }
}
