package io.evaljobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** Appends one run's section to docs/benchmarks.md, keeping every earlier run. */
final class BenchmarkReport {
  private static final String HEADER =
      "# Benchmarks\n\n"
          + "Produced by the benchmark module, one dated section per run, newest last:\n\n"
          + "```sh\n./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/evaljobs-bench.jar  # --quick\n```\n\n"
          + "Reference points measured earlier on the same kind of machine: idiomatic Node.js 20 + SDK v3 handler ~165 ms"
          + " cold; typical plain Java 17 ~750 ms; tuned plain Java ~560 ms; `java` floor (JVM start, empty main)"
          + " ~35 ms; Node warm ~480 calls/s; raw HTTP to DynamoDB Local ~1,060 calls/s.\n\n"
          + "Targets (reported, not asserted): cold start <= 330 ms, primed first call <= 1.5x warm p50, warm >= 600"
          + " calls/s, read amplification <= 1.05 per single-filter shape, depth-10,000 page <= 1.2x page 1;"
          + " artifact sizes are reported.\n";

  private BenchmarkReport() {}

  static String section(BenchmarkOptions options, MachineInfo machine, String dataset, ResultTable table,
      String duration) {
    return "\n## " + LocalDate.now(ZoneOffset.UTC) + " (" + (options.quick() ? "quick" : "full") + " run, "
        + (options.sections().isEmpty() ? "" : "sections " + sectionList(options) + ", ") + "commit "
        + machine.commit() + ")\n\n"
        + "Machine: " + machine.processors() + " processors (`nproc`), " + machine.memory() + ", "
        + machine.cpuModel() + "; JDK " + machine.jdk() + "; functions run with `"
        + String.join(" ", ColdStartRunner.LAMBDA_JVM_FLAGS) + "` as in template.yaml; DynamoDB Local "
        + "(in-memory) on 127.0.0.1 in the benchmark's JVM. Dataset: " + dataset + ". Run time: " + duration + ".\n\n"
        + table.toMarkdown();
  }

  private static String sectionList(BenchmarkOptions options) {
    return options.sections().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
  }

  static void append(Path document, String section) throws IOException {
    Files.createDirectories(document.getParent());
    if (!Files.exists(document)) {
      Files.writeString(document, HEADER, StandardCharsets.UTF_8);
    }
    Files.writeString(document, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
