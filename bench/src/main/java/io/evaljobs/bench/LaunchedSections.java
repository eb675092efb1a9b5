package io.evaljobs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sections 1, 2, 3 and 7, measured on the deployable artifacts in fresh JVMs: cold start, the first call after
 * priming, warm throughput and latency, and artifact size.
 */
final class LaunchedSections {
  private static final int PRIMED_RUNS = 3;

  private final ColdStartRunner runner;
  private final ResultTable table;
  private final Optional<NodeReference> reference;
  private OptionalDouble referenceCallsPerSecond = OptionalDouble.empty();

  LaunchedSections(ColdStartRunner runner, ResultTable table, Optional<NodeReference> reference) {
    this.runner = runner;
    this.table = table;
    this.reference = reference;
  }

  /**
   * What starting and stopping a JVM costs on this machine, with the function's flags and class path and a main that
   * returns at once, and the same for {@code node -e ""} when node is installed: the floors the cold starts and the
   * Node reference stand on.
   */
  void floor(FunctionUnderTest function, int runs) throws Exception {
    long[] exit = new long[runs];
    long[] main = new long[runs];
    for (int i = 0; i < runs; i++) {
      LauncherRun run = runner.run(function, "floor", 0, 0, 1);
      exit[i] = run.exitMicros();
      main[i] = run.jvmStartMicros();
    }
    table.add(
        "1",
        "java floor: fresh JVM, template flags, " + function.jar().getFileName()
            + " unpacked on the class path, empty main (median of " + runs + ")",
        Format.millisFromMicros(Samples.of(exit).median()) + " to exit, "
            + Format.millisFromMicros(Samples.of(main).median()) + " to main",
        "reference java floor ~35 ms");
    OptionalDouble node = nodeFloorMicros(runs);
    if (node.isPresent()) {
      table.add(
          "1",
          "node floor: node -e \"\" (median of " + runs + ")",
          Format.millisFromMicros(node.getAsDouble()) + " to exit",
          "reference Node 20 handler cold start ~165 ms");
    }
  }

  private static OptionalDouble nodeFloorMicros(int runs) throws InterruptedException {
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try {
        Process node = new ProcessBuilder("node", "-e", "").redirectErrorStream(true).start();
        node.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (node.waitFor() != 0) {
          return OptionalDouble.empty();
        }
      } catch (IOException notInstalled) {
        return OptionalDouble.empty();
      }
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    return OptionalDouble.of(Samples.of(micros).median());
  }

  /** The Node reference's own cold start and its split, before the functions are read against it. */
  void referenceColdStart(int runs) throws Exception {
    if (reference.isEmpty()) {
      return;
    }
    List<LauncherRun> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      results.add(referenceRun("cold", 0, 0, 1));
    }
    long[] wall = results.stream().mapToLong(LauncherRun::wallMicros).toArray();
    long[] start = results.stream().mapToLong(LauncherRun::jvmStartMicros).toArray();
    long[] init = results.stream().mapToLong(r -> r.number("init_ns")).toArray();
    long[] first = results.stream().mapToLong(r -> r.number("first_invocation_ns")).toArray();
    table.add(
        "1",
        "reference: " + reference.get().description() + ", cold start, median of " + runs + " (min-max)",
        Format.millisFromMicros(Samples.of(wall).median()) + " (" + Format.millisFromMicros(Samples.of(wall).min())
            + "-" + Format.millisFromMicros(Samples.of(wall).max()) + ")",
        "measured at ~165 ms where the targets were set");
    table.add(
        "1",
        "reference split: node start / init (SDK import, client) / first invocation",
        Format.millisFromMicros(Samples.of(start).median()) + " / " + Format.millis(Samples.of(init).median())
            + " / " + Format.millis(Samples.of(first).median()),
        "");
  }

  /**
   * The function's cold starts, alternating with the Node reference's where it is installed, so that both see the
   * same machine: the ratio of their medians is the target's own terms, at most 2x.
   */
  void coldStart(FunctionUnderTest function, int runs) throws Exception {
    List<LauncherRun> results = new ArrayList<>();
    long[] referenceWall = new long[runs];
    for (int i = 0; i < runs; i++) {
      if (reference.isPresent()) {
        referenceWall[i] = referenceRun("cold", 0, 0, 1).wallMicros();
      }
      LauncherRun run = runner.run(function, "cold", 0, 0, 1);
      requireStatus(function, run, "first_status");
      results.add(run);
    }
    long[] wall = results.stream().mapToLong(LauncherRun::wallMicros).toArray();
    long[] jvm = results.stream().mapToLong(LauncherRun::jvmStartMicros).toArray();
    long[] init = results.stream().mapToLong(r -> r.number("init_ns")).toArray();
    long[] first = results.stream().mapToLong(r -> r.number("first_invocation_ns")).toArray();
    long[] cpu = results.stream().mapToLong(r -> r.number("cpu_ms")).toArray();
    long[] rss = results.stream().mapToLong(r -> r.number("vm_hwm_kb")).toArray();
    table.add(
        "1",
        function.name() + " cold start, median of " + runs + " (min-max)",
        Format.millisFromMicros(Samples.of(wall).median()) + " (" + Format.millisFromMicros(Samples.of(wall).min())
            + "-" + Format.millisFromMicros(Samples.of(wall).max()) + ")",
        "<= 330 ms; Node 20 ~165 ms, plain Java 17 ~750 ms");
    table.add(
        "1",
        function.name() + " split: JVM start / init / first invocation",
        Format.millisFromMicros(Samples.of(jvm).median()) + " / " + Format.millis(Samples.of(init).median()) + " / "
            + Format.millis(Samples.of(first).median()),
        "java floor ~35 ms");
    table.add(
        "1",
        function.name() + " CPU time / peak RSS (VmHWM)",
        Format.decimal(Samples.of(cpu).median()) + " ms / " + Format.decimal(Samples.of(rss).median() / 1024.0) + " MB",
        "");
    if (reference.isPresent()) {
      double functionMedian = Samples.of(wall).median();
      double referenceMedian = Samples.of(referenceWall).median();
      table.add(
          "1",
          function.name() + " cold start / Node reference cold start (alternating runs, medians)",
          Format.millisFromMicros(functionMedian) + " / " + Format.millisFromMicros(referenceMedian) + " = "
              + Format.ratio(functionMedian / referenceMedian) + "x",
          "<= 2x");
    }
  }

  void primedFirstCall(FunctionUnderTest function) throws Exception {
    long[] primed = new long[PRIMED_RUNS];
    long[] warm = new long[PRIMED_RUNS];
    for (int i = 0; i < PRIMED_RUNS; i++) {
      LauncherRun run = runner.run(function, "snapstart", 50, 200, 10);
      requireStatus(function, run, "first_status");
      primed[i] = run.number("first_invocation_ns");
      warm[i] = (long) run.samples().median();
    }
    double primedMedian = Samples.of(primed).median();
    double warmMedian = Samples.of(warm).median();
    table.add(
        "2",
        function.name() + " first call after init, SnapStart primers and a simulated restore / warm p50 (median of "
            + PRIMED_RUNS + " JVMs)",
        Format.millis(primedMedian) + " / " + Format.millis(warmMedian) + " = " + Format.ratio(primedMedian / warmMedian)
            + "x",
        "<= 1.5x");
  }

  /** The Node reference's warm rate in one process, which the functions' warm rates are then read against. */
  void referenceWarm(int warmup, int measured, int budgetSeconds) throws Exception {
    if (reference.isEmpty()) {
      return;
    }
    LauncherRun run = referenceRun("warm", warmup, measured, budgetSeconds);
    if (!"200".equals(run.text("loop_status"))) {
      throw new IllegalStateException("the Node reference answered " + run.text("loop_status") + " in its warm loop");
    }
    Samples samples = run.samples();
    long calls = run.number("loop_calls");
    double perSecond = calls / (run.number("loop_ns") / 1e9);
    referenceCallsPerSecond = OptionalDouble.of(perSecond);
    table.add(
        "3",
        "reference: " + reference.get().description() + ", warm, one process, sequential (" + Format.count(calls)
            + " calls)",
        Format.decimal(perSecond) + " calls/s, p50 " + Format.millis(samples.median()) + ", p99 "
            + Format.millis(samples.percentile(99)),
        "measured at ~480 calls/s where the targets were set");
  }

  void warm(FunctionUnderTest function, int warmup, int measured, int budgetSeconds) throws Exception {
    LauncherRun run = runner.run(function, "warm", warmup, measured, budgetSeconds);
    requireStatus(function, run, "loop_status");
    Samples samples = run.samples();
    long calls = run.number("loop_calls");
    double perSecond = calls / (run.number("loop_ns") / 1e9);
    table.add(
        "3",
        function.name() + " warm, one JVM, sequential (" + Format.count(calls) + " calls)",
        Format.decimal(perSecond) + " calls/s, p50 " + Format.millis(samples.median()) + ", p99 "
            + Format.millis(samples.percentile(99)),
        ">= 600 calls/s; Node ~480, raw HTTP to DynamoDB Local ~1,060");
    if (referenceCallsPerSecond.isPresent() && reference.orElseThrow().readsSamePageAs(function)) {
      table.add(
          "3",
          function.name() + " warm / Node reference warm (calls/s)",
          Format.ratio(perSecond / referenceCallsPerSecond.getAsDouble()) + "x",
          ">= 1.25x (600 against the reference's ~480)");
    }
  }

  void artifact(FunctionUnderTest function) throws Exception {
    ArtifactSize size = ArtifactSize.of(function.jar());
    table.add(
        "7",
        function.name() + " artifact " + function.jar().getFileName(),
        Format.count(size.bytes()) + " bytes (" + Format.megabytes(size.bytes()) + "), " + Format.count(size.classes())
            + " classes",
        "reported (Lambda takes up to 50 MB zipped)");
  }

  private LauncherRun referenceRun(String mode, int warmup, int measured, int budgetSeconds) throws Exception {
    LauncherRun run = reference.orElseThrow().run(mode, warmup, measured, budgetSeconds);
    if (!"200".equals(run.text("first_status"))) {
      throw new IllegalStateException("the Node reference answered " + run.text("first_status") + ": " + run.values());
    }
    return run;
  }

  private static void requireStatus(FunctionUnderTest function, LauncherRun run, String key) {
    String status = run.text(key);
    if (!"200".equals(status) && !"policy".equals(status)) {
      throw new IllegalStateException(function.name() + " answered " + status + " (" + key + "): " + run.values());
    }
  }
}
