package io.evaljobs.priming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's real request path before Lambda SnapStart takes its snapshot, so that the classes, JIT state and
 * connections a request needs are in the snapshot and the first invocation after a restore is as fast as a warm one.
 * Outside SnapStart no checkpoint happens and the primer never runs.
 */
public final class SnapStartPriming {
  // org.crac holds resources weakly: these references keep them registered for the life of the environment.
  private static final List<Resource> REGISTERED = new ArrayList<>();

  /**
   * How often a primer runs at least before the snapshot. C1, as deployed, compiles a method once it has been called
   * 200 times (Tier3InvocationThreshold), so a method that runs once per request needs more than 200 requests; fewer
   * leave it interpreted, and the first hundred calls after a restore run at twice the warm latency. 100 runs of a
   * primer's rounds (3) send each of its events 300 times.
   */
  static final int RUNS = 100;

  /** Calls after which C1 compiles a method (HotSpot's Tier3InvocationThreshold). */
  static final int COMPILE_THRESHOLD = 200;

  /**
   * Bounds the priming of a slow environment; the snapshot is taken once per published version, and Lambda allows the
   * init phase, these hooks included, 130 s or the function's timeout before a snapshot.
   */
  private static final Duration TIME_BUDGET = Duration.ofSeconds(10);

  /** Priming this long without the compiler finishing any work means the request path is compiled. */
  private static final Duration SETTLED = Duration.ofMillis(100);

  private SnapStartPriming() {}

  /** {@code primer} must have no side effects: it runs once per snapshot, never for a client. */
  public static synchronized void register(Runnable primer) {
    register(new PrimingResource(primer));
  }

  /** Another hook of the snapshot's life, such as the HTTP client's connections. */
  public static synchronized void register(Resource resource) {
    REGISTERED.add(resource);
    Core.getGlobalContext().register(resource);
  }

  /**
   * Runs every registered hook as a checkpoint and a restore would, in the same order, without a CRaC runtime: before
   * the checkpoint the last registered first, after the restore the first registered first. This is how the benchmark
   * measures the first call of the state a snapshot holds; Lambda never calls it.
   */
  public static synchronized void simulateCheckpointAndRestore() {
    checkpointAndRestore(REGISTERED);
  }

  static void checkpointAndRestore(List<Resource> resources) {
    try {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).beforeCheckpoint(null);
      }
      for (Resource resource : resources) {
        resource.afterRestore(null);
      }
    } catch (Exception e) {
      throw new IllegalStateException("a snapshot hook failed", e);
    }
  }

  static final class PrimingResource implements Resource {
    private final Runnable primer;
    private final CompilerWork compiler;
    private final Duration budget;
    private final Duration settled;

    PrimingResource(Runnable primer) {
      this(primer, new JvmCompilerWork(), TIME_BUDGET, SETTLED);
    }

    PrimingResource(Runnable primer, CompilerWork compiler, Duration budget, Duration settled) {
      this.primer = primer;
      this.compiler = compiler;
      this.budget = budget;
      this.settled = settled;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      long deadline = System.nanoTime() + budget.toNanos();
      try {
        for (int run = 0; run < RUNS && (run == 0 || System.nanoTime() < deadline); run++) {
          primer.run();
        }
        primeWhileCompiling(deadline);
      } catch (RuntimeException e) {
        // A snapshot without priming is slower, not wrong: never fail the deployment over it.
        System.err.println("priming failed: " + e.getClass().getSimpleName());
      }
    }

    /**
     * HotSpot raises the call counts it compiles at with the length of its compile queue, and a first burst of
     * requests fills that queue: after {@link #RUNS} runs, part of the request path can still be interpreted, and a
     * restored environment would run it so for its first thousand requests. So the primer runs on until a stretch of
     * {@code settled} in which the compiler finished no work.
     */
    private void primeWhileCompiling(long deadline) {
      while (System.nanoTime() < deadline) {
        OptionalLong before = compiler.elapsedMillis();
        if (before.isEmpty()) {
          return;
        }
        long stretchEnd = Math.min(deadline, System.nanoTime() + settled.toNanos());
        do {
          primer.run();
        } while (System.nanoTime() < stretchEnd);
        if (compiler.elapsedMillis().equals(before)) {
          return;
        }
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}
  }
}
