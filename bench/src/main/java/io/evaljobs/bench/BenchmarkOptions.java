package io.evaljobs.bench;

import java.nio.file.Path;
import java.util.List;

/** Command line of the benchmark. */
record BenchmarkOptions(boolean quick, int largeTenantJobs, int coldRuns, Path repository, boolean writeDoc) {
  static final int FULL_LARGE_TENANT = 200_000;
  static final int QUICK_LARGE_TENANT = 20_000;

  static final String USAGE =
      "usage: java -jar bench/target/evaljobs-bench.jar [--quick] [--jobs N] [--cold-runs N] [--repo DIR]"
          + " [--no-doc]";

  static BenchmarkOptions parse(List<String> args) {
    boolean quick = false;
    Integer jobs = null;
    int coldRuns = 10;
    Path repository = Path.of("").toAbsolutePath();
    boolean writeDoc = true;
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
        default:
          throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    int large = jobs != null ? jobs : quick ? QUICK_LARGE_TENANT : FULL_LARGE_TENANT;
    return new BenchmarkOptions(quick, large, coldRuns, repository, writeDoc);
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
