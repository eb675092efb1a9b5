package io.evaljobs.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
