package io.evaljobs.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
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
    primer(() -> runs[0]++, OptionalLong::empty, Duration.ofSeconds(30)).beforeCheckpoint(null);

    assertEquals(SnapStartPriming.RUNS, runs[0]);
    assertTrue(runs[0] * PrimingRequests.ROUNDS > SnapStartPriming.COMPILE_THRESHOLD,
        runs[0] * PrimingRequests.ROUNDS + " requests per event leave a once-per-request method interpreted");
  }

  @Test
  void beforeCheckpoint_compilerStillWorking_primesOnUntilAStretchInWhichItFinishedNothing() throws Exception {
    int[] runs = {0};
    // Read before and after each stretch: it grew in the first two, and not in the third.
    Deque<Long> readings = new ArrayDeque<>(List.of(0L, 40L, 40L, 75L, 75L, 75L));
    int[] read = {0};
    CompilerWork compiler = () -> {
      read[0]++;
      return OptionalLong.of(readings.size() > 1 ? readings.poll() : readings.peek());
    };

    primer(() -> runs[0]++, compiler, Duration.ofSeconds(30)).beforeCheckpoint(null);

    assertTrue(runs[0] > SnapStartPriming.RUNS, runs[0] + " runs");
    assertEquals(6, read[0], "three stretches: on while the compiler's work grew, and no further");
  }

  @Test
  void beforeCheckpoint_compilerNeverSettles_stopsAtTheTimeBudget() throws Exception {
    int[] runs = {0};
    long[] work = {0};
    CompilerWork compiler = () -> OptionalLong.of(work[0]++);

    primer(() -> runs[0]++, compiler, Duration.ofMillis(200)).beforeCheckpoint(null);

    assertTrue(runs[0] > SnapStartPriming.RUNS, runs[0] + " runs");
  }

  @Test
  void elapsedMillis_hotSpot_isMeasuredAndNeverGoesBack() {
    long first = new JvmCompilerWork().elapsedMillis().orElseThrow();
    long second = new JvmCompilerWork().elapsedMillis().orElseThrow();

    assertTrue(first >= 0 && second >= first, first + " then " + second);
  }

  @Test
  void beforeCheckpoint_failingPrimer_stopsWithoutFailingTheSnapshot() throws Exception {
    int[] runs = {0};
    primer(() -> {
      runs[0]++;
      throw new IllegalStateException("no table");
    }, () -> OptionalLong.of(runs[0]), Duration.ofSeconds(30)).beforeCheckpoint(null);

    assertEquals(1, runs[0]);
  }

  private static SnapStartPriming.PrimingResource primer(Runnable primer, CompilerWork compiler, Duration budget) {
    return new SnapStartPriming.PrimingResource(primer, compiler, budget, Duration.ofMillis(5));
  }
}
