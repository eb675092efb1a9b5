package io.evaljobs.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts one launcher process, Java or Node, and collects the {@code key=value} lines it prints. */
final class LauncherProcess {
  private LauncherProcess() {}

  /**
   * Runs {@code mainClass} of {@code classPath} in a fresh JVM with only {@code environment}, and {@code jvmFlags} as
   * JAVA_TOOL_OPTIONS, which the JVM reads itself, as Lambda passes them.
   */
  static LauncherRun runJava(
      Path java,
      String classPath,
      String mainClass,
      List<String> arguments,
      Map<String, String> environment,
      List<String> jvmFlags,
      String description)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath, mainClass));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmFlags));
    return run(builder, description);
  }

  static LauncherRun run(ProcessBuilder builder, String description) throws Exception {
    long spawned = epochMicros();
    Process process = builder.start();
    Map<String, String> values = new HashMap<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(description + " failed: " + values);
    }
    values.put("exited_us", Long.toString(epochMicros()));
    return new LauncherRun(spawned, values);
  }

  private static long epochMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }
}
