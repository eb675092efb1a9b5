package io.evaljobs.classlists;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.preload.ClassPreloader;
import io.evaljobs.priming.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Build step that writes a function's class list among its classes, before they are shaded into its jar: it starts
 * the handler in a fresh JVM logging class loads, on this process's class path (the function's runtime class path and
 * this tool, which the function declares {@code provided} so that it is not shaded), runs the handler's SnapStart
 * primers (every request path it primes, against canned DynamoDB answers served from this process) and keeps what was
 * loaded after construction, for {@link ClassPreloader}.
 *
 * <p>Arguments: the handler class, the classes directory to write into, then any number of package relocations
 * {@code from=to} that shading applies, so that the list names the classes as the jar holds them.
 */
public final class ClassListTraining {
  private static final long TRAINING_MINUTES = 3;
  private static final String EMPTY_PAGE = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";

  private ClassListTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ClassListTraining <handler class> <classes directory> [from=to...]");
    }
    String handler = args[0];
    Path list = Path.of(args[1]).resolve(handler.replace('.', '/') + ClassPreloader.SUFFIX);
    // A list left from an earlier build would preload during this training and hide what the invocation loads.
    Files.deleteIfExists(list);
    List<String> names =
        ClassLoadLog.relocated(
            train(handler, Path.of(System.getProperty("java.io.tmpdir"))), Arrays.asList(args).subList(2, args.length));
    Files.writeString(list, listing(handler, names), StandardCharsets.UTF_8);
    System.out.println("[class list] " + names.size() + " classes for " + handler);
  }

  /** What {@code handler}'s primed first invocation loads; its files are written in, and removed from, {@code scratch}. */
  static List<String> train(String handler, Path scratch) throws Exception {
    // A directory of its own, named before the training JVM writes in it: the JVM's log output keeps an existing
    // file by renaming it (log.0), which a bare temporary file would leave behind on every build.
    Path directory = Files.createTempDirectory(scratch, "evaljobs-class-load");
    Path log = directory.resolve("class-load.log");
    Path errors = directory.resolve("training.err");
    HttpServer dynamo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    dynamo.createContext("/", ClassListTraining::answer);
    dynamo.start();
    try {
      ProcessBuilder training =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  // Quoted: a Windows path's drive colon would otherwise end the file name.
                  "-Xlog:class+load=info:file=\"" + log + "\":none",
                  "-cp",
                  System.getProperty("java.class.path"),
                  FirstInvocation.class.getName(),
                  handler)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(errors.toFile());
      training.environment().clear();
      training.environment().putAll(environment(URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort())));
      Process process = training.start();
      if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("training " + handler + " took more than " + TRAINING_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "training " + handler + " failed: " + Files.readString(errors, StandardCharsets.UTF_8));
      }
      return ClassLoadLog.loadedAfter(
          Files.readAllLines(log, StandardCharsets.UTF_8), FirstInvocationMarker.class.getName());
    } finally {
      dynamo.stop(0);
      deleteWithContents(directory);
    }
  }

  private static void deleteWithContents(Path directory) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }

  /** Every table named, a fresh token key, and DynamoDB at the canned server: the environment of a deployed handler. */
  private static Map<String, String> environment(URI dynamo) {
    return Map.of(
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "training",
        "AWS_SECRET_ACCESS_KEY", "training",
        "DYNAMODB_ENDPOINT", dynamo.toString(),
        "EVALUATIONS_TABLE", "training-evaluations",
        "EVALUATION_COUNTS_TABLE", "training-evaluation-counts",
        "SCORING_JOBS_TABLE", "training-scoring-jobs",
        "API_KEYS_TABLE", "training-api-keys",
        "PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("training", new SecureRandom()));
  }

  /** What an empty table answers: no items for a Query, no item for a GetItem. */
  private static void answer(HttpExchange exchange) throws IOException {
    try (InputStream request = exchange.getRequestBody()) {
      request.transferTo(OutputStream.nullOutputStream());
    }
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    byte[] body = (target.endsWith(".Query") || target.endsWith(".Scan") ? EMPTY_PAGE : "{}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "training");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream response = exchange.getResponseBody()) {
      response.write(body);
    }
  }

  private static String listing(String handler, List<String> names) {
    List<String> lines = new ArrayList<>();
    lines.add("# What the first invocation of " + handler + " loads that its construction does not, in load order.");
    lines.add("# Written at build time by " + ClassListTraining.class.getName() + "; read by "
        + ClassPreloader.class.getName() + ".");
    lines.addAll(names);
    return String.join("\n", lines) + "\n";
  }

  /** The training JVM: constructs the handler as the Lambda runtime does, marks the moment, then primes it. */
  static final class FirstInvocation {
    private FirstInvocation() {}

    public static void main(String[] args) throws Exception {
      Class.forName(args[0]).getConstructor().newInstance();
      // The primers ask the compiler's management bean how far compilation got; read once before the mark, those
      // classes stay out of the list, as no request loads them.
      ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      Class.forName(FirstInvocationMarker.class.getName());
      SnapStartPriming.simulateCheckpointAndRestore();
    }
  }
}
