package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {
  @TempDir Path directory;

  @Test
  void write_replacesEarlierRunsWithTheHeaderAndTheNewRun() throws Exception {
    Path document = directory.resolve("docs/benchmarks.md");
    BenchmarkReport.append(document, "\n## first run\n");
    BenchmarkReport.write(document, "\n## second run\n");
    assertEquals(BenchmarkReport.HEADER + "\n## second run\n", Files.readString(document));
  }

  @Test
  void append_keepsEarlierRunsAndAddsTheNewOneBelow() throws Exception {
    Path document = directory.resolve("docs/benchmarks.md");
    BenchmarkReport.write(document, "\n## before\n");
    BenchmarkReport.append(document, "\n## after\n");
    assertEquals(BenchmarkReport.HEADER + "\n## before\n\n## after\n", Files.readString(document));
  }
}
