package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.bench.launch.HttpClientLauncher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.SdkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientComparisonTest {
  private static LauncherRun cold(long wallMicros, long buildNanos, long firstCallNanos) {
    return new LauncherRun(
        1_000_000,
        Map.of(
            "first_response_us", Long.toString(1_000_000 + wallMicros),
            "client_build_ns", Long.toString(buildNanos),
            "first_call_ns", Long.toString(firstCallNanos)));
  }

  @Test
  void value_threeColdRunsAndAWarmOne_givesTheirMediansAndTheWarmRate() {
    List<LauncherRun> cold =
        List.of(
            cold(700_000, 390_000_000, 120_000_000),
            cold(650_000, 410_000_000, 100_000_000),
            cold(900_000, 380_000_000, 300_000_000));
    LauncherRun warm =
        new LauncherRun(
            0,
            Map.of(
                "loop_calls", "4",
                "loop_ns", "4000000",
                "samples_ns", "900000,1100000,1000000,1200000",
                "restored_call_ns", "2000000,1000000,3000000",
                "restore_hooks_ns", "400000,500000,300000"));

    assertEquals(
        "700.0 ms to the first response (client built in 390.0 ms, first call 120.0 ms) / 1000.0 calls/s, p50 1.1 ms"
            + " / first call after a simulated restore 2.0 ms (hooks 0.4 ms)",
        HttpClientComparison.value(cold, warm));
  }

  @Test
  void label_namesTheClientTheColdRunsAndTheWarmCalls() {
    String label = HttpClientComparison.label(new HttpClientComparison.Client("crt", "AwsCrtHttpClient"), 10, 5_000);

    assertTrue(label.contains("AwsCrtHttpClient"), label);
    assertTrue(label.contains("median of 10"), label);
    assertTrue(label.contains("5,000 calls"), label);
  }

  @Test
  void clients_eachNameTheLauncherKnows_isComparedOnceTheFunctionsFirst() {
    List<String> names = HttpClientComparison.CLIENTS.stream().map(HttpClientComparison.Client::name).toList();

    assertEquals("apache5", names.get(0));
    assertEquals(names.size(), Set.copyOf(names).size());
    for (String name : names) {
      try (SdkHttpClient http = HttpClientLauncher.http(name)) {
        assertNotNull(http, name);
      }
    }
  }

  @Test
  void crtNativeLibraries_crtOnTheClassPath_givesBothArchitecturesCompressedAndUnpacked() throws Exception {
    String sizes = HttpClientComparison.crtNativeLibraries().orElseThrow();

    assertTrue(
        sizes.matches("x86_64 \\d+\\.\\d\\d MB \\(\\d+\\.\\d\\d MB unpacked\\), arm64 \\d+\\.\\d\\d MB \\(\\d+\\.\\d\\d MB unpacked\\)"),
        sizes);
  }
}
