package io.evaljobs.bench;

import io.evaljobs.bench.launch.HttpClientLauncher;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Section 8: the HTTP clients a function could build its DynamoDB client on, each in fresh JVMs with the template's
 * flags, for a cold start (alternating rounds, medians) and for warm calls; and what the CRT client would add to an
 * artifact.
 */
final class HttpClientComparison {
  /** A client as the launcher names it, and as the table does. */
  record Client(String name, String label) {}

  /** In the order of each round of cold starts. */
  static final List<Client> CLIENTS =
      List.of(
          new Client("apache5", "Apache5HttpClient (the SDK's default; the functions', with their timeouts)"),
          new Client("url-connection", "UrlConnectionHttpClient"),
          new Client("apache", "ApacheHttpClient (deprecated in the SDK)"),
          new Client("crt", "AwsCrtHttpClient"));

  /** The CRT library's native code for Lambda's two architectures, as its jar holds them, in the table's order. */
  private static final List<Map.Entry<String, String>> CRT_NATIVE_LIBRARIES =
      List.of(
          Map.entry("x86_64", "linux/x86_64/glibc/libaws-crt-jni.so"),
          Map.entry("arm64", "linux/armv8/glibc/libaws-crt-jni.so"));

  private final Path java;
  private final List<String> jvmFlags;
  private final URI endpoint;
  private final String table;
  private final String keyAttribute;

  HttpClientComparison(Path java, List<String> jvmFlags, URI endpoint, String table, String keyAttribute) {
    this.java = java;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.endpoint = endpoint;
    this.table = table;
    this.keyAttribute = keyAttribute;
  }

  void addRows(ResultTable results, int coldRuns, int warmup, int measured, int budgetSeconds) throws Exception {
    Map<Client, List<LauncherRun>> cold = new LinkedHashMap<>();
    for (int round = 0; round < coldRuns; round++) {
      for (Client client : CLIENTS) {
        cold.computeIfAbsent(client, c -> new ArrayList<>()).add(launch(client, 0, 0, budgetSeconds));
      }
    }
    for (Client client : CLIENTS) {
      LauncherRun warm = launch(client, warmup, measured, budgetSeconds);
      results.add(
          "8",
          label(client, coldRuns, warm.number("loop_calls")),
          value(cold.get(client), warm),
          client.equals(CLIENTS.get(0)) ? "the functions' client" : "");
    }
    crtNativeLibraries()
        .ifPresent(
            sizes ->
                results.add(
                    "8",
                    "AwsCrtHttpClient's native library in a function's artifact, per architecture (compressed)",
                    sizes,
                    "added to each artifact (section 7)"));
  }

  static String label(Client client, int coldRuns, long warmCalls) {
    return "HTTP client " + client.label() + " under the DynamoDB client, one GetItem: cold start (median of "
        + coldRuns + ", alternating) / warm, one JVM (" + Format.count(warmCalls) + " calls) / first call after a "
        + "simulated SnapStart restore that drops the pooled connections (median of " + HttpClientLauncher.RESTORES
        + " in that JVM)";
  }

  static String value(List<LauncherRun> cold, LauncherRun warm) {
    Samples wall = Samples.of(cold.stream().mapToLong(LauncherRun::wallMicros).toArray());
    Samples build = Samples.of(cold.stream().mapToLong(run -> run.number("client_build_ns")).toArray());
    Samples first = Samples.of(cold.stream().mapToLong(run -> run.number("first_call_ns")).toArray());
    double perSecond = warm.number("loop_calls") / (warm.number("loop_ns") / 1e9);
    return Format.millisFromMicros(wall.median()) + " to the first response (client built in "
        + Format.millis(build.median()) + ", first call " + Format.millis(first.median()) + ") / "
        + Format.decimal(perSecond) + " calls/s, p50 " + Format.millis(warm.samples().median())
        + " / first call after a simulated restore " + Format.millis(restored(warm, "restored_call_ns").median())
        + " (hooks " + Format.millis(restored(warm, "restore_hooks_ns").median()) + ")";
  }

  private static Samples restored(LauncherRun warm, String key) {
    return Samples.of(Arrays.stream(warm.text(key).split(",")).mapToLong(Long::parseLong).toArray());
  }

  private LauncherRun launch(Client client, int warmup, int measured, int budgetSeconds) throws Exception {
    return LauncherProcess.runJava(
        java,
        System.getProperty("java.class.path"),
        HttpClientLauncher.class.getName(),
        List.of(
            client.name(),
            endpoint.toString(),
            table,
            keyAttribute,
            Integer.toString(warmup),
            Integer.toString(measured),
            Integer.toString(budgetSeconds)),
        Map.of(),
        jvmFlags,
        client.label() + " launcher");
  }

  /** The compressed size of each architecture's native library in the CRT jar on this class path; none without it. */
  static Optional<String> crtNativeLibraries() throws IOException {
    URL crt = HttpClientComparison.class.getClassLoader().getResource("software/amazon/awssdk/crt/CRT.class");
    if (crt == null || !"jar".equals(crt.getProtocol())) {
      return Optional.empty();
    }
    File jar;
    try {
      jar = new File(((JarURLConnection) crt.openConnection()).getJarFileURL().toURI());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    List<String> sizes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar)) {
      for (Map.Entry<String, String> library : CRT_NATIVE_LIBRARIES) {
        ZipEntry entry = zip.getEntry(library.getValue());
        if (entry != null) {
          sizes.add(library.getKey() + " " + Format.megabytes(entry.getCompressedSize()) + " (" + Format.megabytes(
              entry.getSize()) + " unpacked)");
        }
      }
    }
    return sizes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", sizes));
  }
}
