package io.evaljobs.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peer the cold start and warm targets are set against: an idiomatic Node.js handler with the AWS SDK for
 * JavaScript v3 (bench/reference/node) reading the first page of the evaluations event, installed with {@code npm ci}
 * from its lock file and started in fresh {@code node} processes on this machine, beside the functions.
 */
final class NodeReference {
  /** What the reference is made of, copied out of the repository so that its install leaves the tree clean. */
  static final List<String> FILES = List.of("package.json", "package-lock.json", "handler.mjs", "launch.mjs");

  private static final long INSTALL_MINUTES = 5;

  private final Path node;
  private final Path directory;
  private final Path event;
  private final Map<String, String> environment;
  private final String nodeVersion;

  private NodeReference(Path node, Path directory, Path event, Map<String, String> environment, String nodeVersion) {
    this.node = node;
    this.directory = directory;
    this.event = event;
    this.environment = Map.copyOf(environment);
    this.nodeVersion = nodeVersion;
  }

  /**
   * Installs the reference under {@code work}. Throws, saying why, where node or npm is missing or the install
   * fails: the benchmark then reports the reference as not measured and goes on.
   */
  static NodeReference install(Path repository, Path work, Path event, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path node = onPath("node").orElseThrow(() -> new IOException("node is not on the PATH"));
    Path npm = onPath("npm").orElseThrow(() -> new IOException("npm is not on the PATH"));
    Path source = repository.resolve("bench/reference/node");
    Path target = work.resolve("node-reference");
    Files.createDirectories(target);
    for (String file : FILES) {
      Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    String version = output(new ProcessBuilder(node.toString(), "--version")).trim();
    Process install =
        new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(target.toFile())
            .redirectErrorStream(true)
            .redirectOutput(target.resolve("npm-ci.log").toFile())
            .start();
    if (!install.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
      install.destroyForcibly();
      throw new IOException("npm ci took more than " + INSTALL_MINUTES + " minutes");
    }
    if (install.exitValue() != 0) {
      throw new IOException(
          "npm ci failed: " + Files.readString(target.resolve("npm-ci.log"), StandardCharsets.UTF_8).strip());
    }
    return new NodeReference(node, target, event, environment, version);
  }

  /** What the rows call it: the runtime and SDK it runs on. */
  String description() {
    return "Node.js " + nodeVersion + " handler with AWS SDK v3 (bench/reference/node: the evaluations first page)";
  }

  /** One fresh node process in {@code cold} or {@code warm} mode, with the launcher's keys. */
  LauncherRun run(String mode, int warmup, int measured, int budgetSeconds) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                node.toString(),
                "launch.mjs",
                event.toAbsolutePath().toString(),
                mode,
                Integer.toString(warmup),
                Integer.toString(measured),
                Integer.toString(budgetSeconds))
            .directory(directory.toFile())
            // The SDK warns on stderr about Node.js versions it will stop supporting; that is not a result.
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return LauncherProcess.run(builder, "node reference (" + mode + ")");
  }

  /** Whether the reference reads the page {@code function} is invoked with: the one warm rate it can be held to. */
  boolean readsSamePageAs(FunctionUnderTest function) {
    return event.toAbsolutePath().equals(function.event().toAbsolutePath());
  }

  /**
   * Fails unless the reference's first page (as its launcher printed it) holds the same jobs and total as the
   * function's answer to the same event: a peer that read another page, or none, would make every comparison with
   * it meaningless.
   */
  static void requireSamePage(LauncherRun reference, ProxyResponse function) {
    String ids = reference.text("first_job_ids");
    List<String> referenceIds = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    String referenceTotal = reference.text("first_total_count");
    String functionTotal = function.totalCount().map(String::valueOf).orElse("");
    if (referenceIds.isEmpty() || !referenceIds.equals(function.jobIds()) || !referenceTotal.equals(functionTotal)) {
      throw new IllegalStateException(
          "the Node reference read another page than the evaluations function: " + referenceIds + " (total "
              + referenceTotal + ") against " + function.jobIds() + " (total " + functionTotal + ")");
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String output(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    process.waitFor();
    return new String(out, StandardCharsets.UTF_8);
  }
}
