package io.evaljobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * Writes docs/benchmarks.md: how to read it, then the latest run, replacing the runs before it (they stay in git), or
 * below them when the run is told to append (the second half of a before/after pair, say).
 */
final class BenchmarkReport {
  static final String HEADER =
      "# Benchmarks\n\n"
          + "The latest run of the benchmark module; earlier runs are in this file's git history. To reproduce:\n\n"
          + "```sh\n"
          + "./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/evaljobs-bench.jar  # 200,000-job tenant\n"
          + "java -jar bench/target/evaljobs-bench.jar --quick --sections 1,2,3,7  # 20,000 jobs, some sections\n"
          + "```\n\n"
          + "`--append` adds a run below the ones here instead of replacing them; `--no-doc` only prints it.\n\n"
          + "## How to read it\n\n"
          + "The functions run as Lambda runs them (the shaded jars, a fresh JVM with the template's flags) against"
          + " DynamoDB Local in memory on the same machine, so a request's latency here is mostly CPU and a round"
          + " trip costs far less than in AWS; compare rows of one run, and read counts (items, requests, pages) as"
          + " they will be in AWS. A run on a loaded machine says so in its heading's notes. Targets are reported,"
          + " never asserted.\n\n"
          + "| section | measures | target |\n"
          + "|---|---|---|\n"
          + "| 1 | cold start, JVM start to first response (median of fresh JVMs), beside an idiomatic Node.js 20 +"
          + " SDK v3 handler doing the same reads | at most 2x the Node reference |\n"
          + "| 2 | first call after initialization and priming (a simulated SnapStart restore) against warm p50 |"
          + " at most 1.5x |\n"
          + "| 3 | warm calls per second, one JVM, sequential, against the same requests replayed on the bare"
          + " client (the database ceiling) | at least 1.25x the Node reference's calls per second |\n"
          + "| 4 | items examined per item returned, per query shape | at most 1.05 for a single filter |\n"
          + "| 5 | a deep page by token and by integer offset against page 1 | at most 1.2x page 1 |\n"
          + "| 6 | what `total_count` costs | once per listing (carried in tokens) |\n"
          + "| 7 | artifact sizes | reported; Lambda takes 50 MB zipped |\n"
          + "| 8 | the SDK's HTTP clients under one DynamoDB client: cold start, warm, first call after a restore |"
          + " chooses the functions' client |\n"
          + "| 9 | evaluations walked page by page at the large tenant: pages against the fewest possible, items"
          + " read per job, requests per page, deep integer offsets | no short page; offset 50,000 within 1.5x of"
          + " page 1 |\n"
          + "| 10 | scoring plans on skewed data | a rare AND of two common values in at most 8 responses; at most 2"
          + " items read per job for one filter, 20 for the worst shape |\n";

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

  /** Replaces the document with the header and {@code section}. */
  static void write(Path document, String section) throws IOException {
    Files.createDirectories(document.getParent());
    Files.writeString(document, HEADER + section, StandardCharsets.UTF_8);
  }

  /** Adds {@code section} below the runs already in the document (the header first, if there is no document). */
  static void append(Path document, String section) throws IOException {
    Files.createDirectories(document.getParent());
    if (!Files.exists(document)) {
      Files.writeString(document, HEADER, StandardCharsets.UTF_8);
    }
    Files.writeString(document, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
