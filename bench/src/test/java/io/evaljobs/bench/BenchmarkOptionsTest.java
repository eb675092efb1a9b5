package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
  @Test
  void parse_noArguments_fullRunWithTwoHundredThousandJobsAndTenColdRuns() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of());
    assertFalse(options.quick());
    assertEquals(200_000, options.largeTenantJobs());
    assertEquals(10, options.coldRuns());
    assertTrue(options.writeDoc());
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
  }
}
