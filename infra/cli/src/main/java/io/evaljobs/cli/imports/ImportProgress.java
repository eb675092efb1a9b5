package io.evaljobs.cli.imports;

import java.io.PrintWriter;
import java.util.OptionalLong;

/**
 * Progress of an import on stderr: each rejected line with its number and reason, and a status line every few
 * percent of the file (or every few thousand lines when the size is unknown, as for stdin).
 */
final class ImportProgress {
  private static final long LINES_PER_UPDATE = 5_000;
  private static final int PERCENT_PER_UPDATE = 5;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final OptionalLong totalBytes;
  private long lastReportedLines;
  private int lastReportedPercent;

  ImportProgress(PrintWriter err, OptionalLong totalBytes) {
    this.err = err;
    this.totalBytes = totalBytes;
  }

  void rejected(long lineNumber, String reason) {
    err.println("line " + lineNumber + ": rejected: " + reason);
    err.flush();
  }

  void update(long bytesRead, long linesRead, long written, long rejected) {
    if (totalBytes.isPresent() && totalBytes.getAsLong() > 0) {
      // The reader runs ahead of the lines handled, so 100% waits for finished().
      int percent = (int) Math.min(99, bytesRead * 100 / totalBytes.getAsLong());
      if (percent - lastReportedPercent >= PERCENT_PER_UPDATE) {
        lastReportedPercent = percent;
        print(bar(percent) + " " + percent + "% ", linesRead, written, rejected);
      }
    } else if (linesRead - lastReportedLines >= LINES_PER_UPDATE) {
      lastReportedLines = linesRead;
      print("", linesRead, written, rejected);
    }
  }

  void finished(ImportReport report) {
    String bar = totalBytes.isPresent() ? bar(100) + " 100% " : "";
    print(bar + "done: ", report.linesRead(), report.written(), report.rejected());
  }

  private void print(String prefix, long linesRead, long written, long rejected) {
    err.println(prefix + "read " + linesRead + ", written " + written + ", rejected " + rejected);
    err.flush();
  }

  private static String bar(int percent) {
    int filled = percent * BAR_WIDTH / 100;
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }
}
