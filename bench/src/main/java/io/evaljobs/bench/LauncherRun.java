package io.evaljobs.bench;

import java.util.Arrays;
import java.util.Map;

/** The key=value lines one launcher process printed, with the parent's clock reading just before it started. */
record LauncherRun(long spawnedMicros, Map<String, String> values) {
  LauncherRun {
    values = Map.copyOf(values);
  }

  long number(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("the launcher printed no " + key + ": " + values);
    }
    return Long.parseLong(value);
  }

  String text(String key) {
    return values.getOrDefault(key, "");
  }

  /** From the parent's spawn to the first complete response. */
  long wallMicros() {
    return number("first_response_us") - spawnedMicros;
  }

  /** From the parent's spawn until the launcher's main method was entered: process and JVM start. */
  long jvmStartMicros() {
    return number("main_entered_us") - spawnedMicros;
  }

  /** From the parent's spawn until it saw the process end. */
  long exitMicros() {
    return number("exited_us") - spawnedMicros;
  }

  Samples samples() {
    return new Samples(Arrays.stream(text("samples_ns").split(",")).mapToLong(Long::parseLong).toArray());
  }
}
