package io.evaljobs.classlists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JVM's class-load log ({@code -Xlog:class+load=info} without decorations) for the classes a function loaded
 * after a marker class: what its first invocation loads that its construction did not.
 */
final class ClassLoadLog {
  private static final String SOURCE = " source: ";
  /**
   * Where a class that a name can load comes from: the JDK's runtime image, a directory or a jar. Not the class-data
   * archive (already mapped, nothing to save) nor a class defined at run time (reflection accessors, lambdas).
   */
  private static final List<String> CLASS_FILE_SOURCES = List.of("jrt:/", "file:", "jar:");
  /**
   * Build-time training and SnapStart priming machinery, which a real invocation never loads: the primers, their
   * canned client and the writer of their events.
   */
  private static final List<String> TRAINING_ONLY =
      List.of(
          "io.evaljobs.classlists.",
          "io.evaljobs.preload.",
          "io.evaljobs.priming.",
          "io.evaljobs.http.GatewayCall");

  private ClassLoadLog() {}

  /**
   * The classes loaded after {@code marker}, in load order, once each: only those read from class files, and no
   * training machinery.
   *
   * @throws IllegalArgumentException if the log never names the marker
   */
  static List<String> loadedAfter(List<String> lines, String marker) {
    Set<String> names = new LinkedHashSet<>();
    boolean afterMarker = false;
    for (String line : lines) {
      int source = line.indexOf(SOURCE);
      if (source < 0) {
        continue;
      }
      String name = line.substring(line.lastIndexOf(' ', source - 1) + 1, source);
      if (!afterMarker) {
        afterMarker = name.equals(marker);
        continue;
      }
      if (isPreloadable(name, line.substring(source + SOURCE.length()))) {
        names.add(name);
      }
    }
    if (!afterMarker) {
      throw new IllegalArgumentException("the class-load log never loads the marker " + marker);
    }
    return new ArrayList<>(names);
  }

  /**
   * {@code names} as a shaded jar holds them: each {@code from=to} moves the classes of package {@code from} (and
   * below) to {@code to}. Names that two relocations make equal are kept once, where the first stood.
   */
  static List<String> relocated(List<String> names, List<String> relocations) {
    Set<String> moved = new LinkedHashSet<>();
    for (String name : names) {
      String result = name;
      for (String relocation : relocations) {
        int eq = relocation.indexOf('=');
        if (eq <= 0 || eq == relocation.length() - 1) {
          throw new IllegalArgumentException("a relocation is from=to: " + relocation);
        }
        String from = relocation.substring(0, eq) + ".";
        if (name.startsWith(from)) {
          result = relocation.substring(eq + 1) + "." + name.substring(from.length());
          break;
        }
      }
      moved.add(result);
    }
    return new ArrayList<>(moved);
  }

  private static boolean isPreloadable(String name, String source) {
    return !name.contains("/")
        && CLASS_FILE_SOURCES.stream().anyMatch(source::startsWith)
        && TRAINING_ONLY.stream().noneMatch(name::startsWith);
  }
}
