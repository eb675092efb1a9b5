package io.evaljobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a result was measured: processors, memory, CPU model, JDK and the commit of the code. */
record MachineInfo(int processors, String memory, String cpuModel, String jdk, String commit) {
  static MachineInfo describe(Path repository) {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"),
        firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        commit(repository));
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return java.util.Optional.of(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException e) {
      // Not Linux: the report says unknown.
    }
    return java.util.Optional.empty();
  }

  private static String commit(Path repository) {
    try {
      Process git = new ProcessBuilder(List.of("git", "rev-parse", "--short", "HEAD"))
          .directory(repository.toFile())
          .redirectErrorStream(true)
          .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
