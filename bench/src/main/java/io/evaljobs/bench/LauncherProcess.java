package io.evaljobs.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts one launcher process, Java or Node, and collects the {@code key=value} lines it prints. */
final class LauncherProcess {
  private LauncherProcess() {}

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
