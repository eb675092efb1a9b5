package io.evaljobs.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command line of the benchmark. {@code sections}: the numbered sections to run, empty for all of them (the tables
 * are loaded either way); {@code append}: add the run to docs/benchmarks.md rather than replace what it holds.
 */
record BenchmarkOptions(
    boolean quick, int largeTenantJobs, int coldRuns, Path repository, boolean writeDoc, boolean append,
    Set<Integer> sections) {
  static final int FULL_LARGE_TENANT = 200_000;
  static final int QUICK_LARGE_TENANT = 20_000;
  static final int LAST_SECTION = 10;

  BenchmarkOptions {
    sections = Set.copyOf(sections);
  }

  /** Whether section {@code number} is measured in this run. */
  boolean runs(int number) {
    return sections.isEmpty() || sections.contains(number);
  }

  static final String USAGE =
      "usage: java -jar bench/target/evaljobs-bench.jar [--quick] [--jobs N] [--cold-runs N] [--repo DIR]"
          + " [--no-doc] [--append] [--sections N,M,...]";

  static BenchmarkOptions parse(List<String> args) {
    boolean quick = false;
    Integer jobs = null;
    int coldRuns = 10;
    Path repository = Path.of("").toAbsolutePath();
    boolean writeDoc = true;
    boolean append = false;
    Set<Integer> sections = Set.of();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick":
          quick = true;
          break;
        case "--jobs":
          jobs = positive(arg, value(args, ++i, arg));
          break;
        case "--cold-runs":
          coldRuns = positive(arg, value(args, ++i, arg));
          break;
        case "--repo":
          repository = Path.of(value(args, ++i, arg)).toAbsolutePath();
          break;
        case "--no-doc":
          writeDoc = false;
          break;
        case "--append":
          append = true;
          break;
        case "--sections":
          sections = sections(value(args, ++i, arg));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    int large = jobs != null ? jobs : quick ? QUICK_LARGE_TENANT : FULL_LARGE_TENANT;
    return new BenchmarkOptions(quick, large, coldRuns, repository, writeDoc, append, sections);
  }

  private static Set<Integer> sections(String list) {
    Set<Integer> numbers = new TreeSet<>();
    for (String part : list.split(",", -1)) {
      int number = positive("--sections", part.trim());
      if (number > LAST_SECTION) {
        throw new IllegalArgumentException("--sections: there is no section " + number + " (1 to " + LAST_SECTION + ")");
      }
      numbers.add(number);
    }
    return numbers;
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args.get(index);
  }

  private static int positive(String option, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(option + " needs a positive integer, got " + text);
  }
}
