package io.evaljobs.bench.launch;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs one function the way the Lambda runtime does, in a fresh JVM whose class path is the function's deployable
 * artifact plus this class alone, and prints what the benchmark measures as {@code key=value} lines.
 *
 * <p>It depends on the JDK and the Lambda interface only, so that it adds nothing to what the function loads.
 * Arguments: handler class, event file, mode ({@code floor}, {@code cold}, {@code primed}, {@code snapstart} or
 * {@code warm}),
 * warm-up invocations, measured invocations, and optionally a time budget in seconds for each of the two loops. In
 * {@code snapstart} mode the function's SnapStart hooks run after construction as a checkpoint and a restore run
 * them (the primers, the connections dropped, then opened again after the restore), so the first invocation is the
 * first one after a restore.
 */
public final class FunctionLauncher {
  private static final int STATUS_HEAD_BYTES = 64;

  private FunctionLauncher() {}

  public static void main(String[] args) throws Exception {
    long mainEnteredMicros = epochMicros();
    long mainNanos = System.nanoTime();
    if (args.length > 2 && "floor".equals(args[2])) {
      // The JVM alone: started with the function's flags and class path, it returns before touching the function.
      System.out.print("main_entered_us=" + mainEnteredMicros + "\n");
      return;
    }
    String handlerClass = args[0];
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    String mode = args[2];
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    int measured = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    // Bounds warm-up and measured loops on a slow or busy machine; the loop stops early, never mid-call.
    long budgetNanos = args.length > 5 ? Long.parseLong(args[5]) * 1_000_000_000L : Long.MAX_VALUE;

    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(handlerClass).getConstructor().newInstance();
    if ("snapstart".equals(mode)) {
      // Reflection keeps this launcher free of the function's classes; the primers are the function's own.
      Class.forName("io.evaljobs.priming.SnapStartPriming").getMethod("simulateCheckpointAndRestore").invoke(null);
    }
    long constructedNanos = System.nanoTime();
    String firstStatus = invoke(handler, event);
    long firstDoneNanos = System.nanoTime();
    long firstDoneMicros = epochMicros();

    StringBuilder out = new StringBuilder();
    line(out, "jvm_start_ms", ManagementFactory.getRuntimeMXBean().getStartTime());
    line(out, "main_entered_us", mainEnteredMicros);
    line(out, "init_ns", constructedNanos - mainNanos);
    line(out, "first_invocation_ns", firstDoneNanos - constructedNanos);
    line(out, "first_response_us", firstDoneMicros);
    line(out, "first_status", firstStatus);
    line(out, "cpu_ms", ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L));
    line(out, "vm_hwm_kb", peakResidentKilobytes());

    if ("primed".equals(mode)) {
      long start = System.nanoTime();
      String status = invoke(handler, event);
      line(out, "primed_invocation_ns", System.nanoTime() - start);
      line(out, "primed_status", status);
    }
    if ("primed".equals(mode) || "warm".equals(mode) || "snapstart".equals(mode)) {
      long warmupStart = System.nanoTime();
      for (int i = 0; i < warmup && System.nanoTime() - warmupStart < budgetNanos; i++) {
        invoke(handler, event);
      }
      long[] samples = new long[measured];
      int done = 0;
      String lastStatus = firstStatus;
      long loopStart = System.nanoTime();
      while (done < measured && (done < 10 || System.nanoTime() - loopStart < budgetNanos)) {
        long start = System.nanoTime();
        lastStatus = invoke(handler, event);
        samples[done++] = System.nanoTime() - start;
      }
      samples = java.util.Arrays.copyOf(samples, done);
      line(out, "loop_ns", System.nanoTime() - loopStart);
      line(out, "loop_calls", done);
      line(out, "loop_status", lastStatus);
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < samples.length; i++) {
        joined.append(i == 0 ? "" : ",").append(samples[i]);
      }
      line(out, "samples_ns", joined);
    }
    System.out.print(out);
    System.out.flush();
  }

  private static String invoke(RequestStreamHandler handler, byte[] event) throws Exception {
    ByteArrayOutputStream response = new ByteArrayOutputStream(8192);
    handler.handleRequest(new ByteArrayInputStream(event), response, null);
    // The runtime posts the response bytes as they are; decoding all of them would charge the launcher's work to the
    // function. A proxy response names its statusCode first, so its head is enough.
    byte[] bytes = response.toByteArray();
    String head = new String(bytes, 0, Math.min(bytes.length, STATUS_HEAD_BYTES), StandardCharsets.UTF_8);
    return head.contains("\"statusCode\"") ? statusOf(head) : statusOf(new String(bytes, StandardCharsets.UTF_8));
  }

  /** The proxy response's statusCode, or "policy" for an authorizer's answer, without a JSON library. */
  private static String statusOf(String response) {
    int at = response.indexOf("\"statusCode\"");
    if (at < 0) {
      return response.contains("principalId") ? "policy" : "unknown";
    }
    int colon = response.indexOf(':', at);
    int end = colon + 1;
    while (end < response.length() && (Character.isDigit(response.charAt(end)) || response.charAt(end) == ' ')) {
      end++;
    }
    return response.substring(colon + 1, end).trim();
  }

  private static long peakResidentKilobytes() throws Exception {
    for (String status : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (status.startsWith("VmHWM:")) {
        return Long.parseLong(status.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long epochMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  private static void line(StringBuilder out, String key, Object value) {
    out.append(key).append('=').append(value).append('\n');
  }
}
