package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
  @Test
  void parse_noArguments_fullRunWithTwoHundredThousandJobsAndTenColdRuns() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of());
    assertFalse(options.quick());
    assertEquals(200_000, options.largeTenantJobs());
    assertEquals(10, options.coldRuns());
    assertTrue(options.writeDoc());
    assertFalse(options.append());
    assertTrue(options.runs(1) && options.runs(BenchmarkOptions.LAST_SECTION));
  }

  @Test
  void parse_append_keepsTheRunsInTheDocument() {
    assertTrue(BenchmarkOptions.parse(List.of("--append")).append());
  }

  @Test
  void parse_sections_runsOnlyTheListedSections() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of("--sections", "1,3, 8"));
    assertEquals(Set.of(1, 3, 8), options.sections());
    assertTrue(options.runs(3));
    assertFalse(options.runs(2));
  }

  @Test
  void parse_quick_usesTwentyThousandJobsUnlessJobsGiven() {
    assertEquals(20_000, BenchmarkOptions.parse(List.of("--quick")).largeTenantJobs());
    assertEquals(5_000, BenchmarkOptions.parse(List.of("--quick", "--jobs", "5000")).largeTenantJobs());
  }

  @Test
  void parse_badOrMissingValues_refusedWithMessage() {
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--jobs")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--cold-runs", "0")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--cold-runs", "x")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--fast")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--sections", "0")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--sections", "11")));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(List.of("--sections", "1,,2")));
  }
}
