package io.evaljobs.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.local.HostAndPort;
import io.evaljobs.local.ServedDynamoDb;
import io.evaljobs.tables.TemplateDocument;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sam build and sam local, step by step without SAM: each function's Makefile target lays out its artifact in a
 * fresh ARTIFACTS_DIR; each event of events/ then runs through the handler the template names, in a JVM whose class
 * path is that directory (as Lambda's task root), with exactly the environment sam local would give it from
 * template.yaml and sam-local-env.json, against DynamoDB served as --serve-dynamodb serves it (shared across
 * credentials: the functions sign with SAM's placeholder credentials).
 */
class SamBuildIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ServedDynamoDb dynamoDb;

  @TempDir static Path artifacts;

  private final TemplateDocument template = Project.template();

  @BeforeAll
  static void serveDynamoDb() {
    dynamoDb =
        ServedDynamoDb.start(new HostAndPort("127.0.0.1", 0), true, 200, new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterAll
  static void stop() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  @Test
  void makefileTargets_layOutEachFunctionAsLambdaLoadsIt_andItsEventsRunThroughIt() throws Exception {
    assumeTrue(onPath("make"), "make is not installed (sam build needs it too)");
    List<String> ran = new ArrayList<>();
    for (SamFunction function : SamFunction.all(template)) {
      Path taskRoot = artifacts.resolve(function.logicalId());
      Files.createDirectories(taskRoot);
      // A file left from an earlier build must not survive: sam build may hand the same directory again.
      Files.writeString(taskRoot.resolve("stale.txt"), "from an earlier build");
      make("build-" + function.logicalId(), taskRoot);

      Path handlerClass = taskRoot.resolve(function.handlerClass().replace('.', '/') + ".class");
      assertTrue(Files.isRegularFile(handlerClass), "no " + handlerClass + " at the root of the artifact");
      assertTrue(Files.isRegularFile(taskRoot.resolve("com/amazonaws/services/lambda/runtime/RequestStreamHandler.class")));
      assertFalse(Files.exists(taskRoot.resolve("stale.txt")), "ARTIFACTS_DIR is not emptied first");
      try (Stream<Path> top = Files.list(taskRoot)) {
        assertTrue(top.noneMatch(p -> p.toString().endsWith(".jar")), "a jar inside the artifact is never loaded");
      }
      assertNamedClassesPresent(taskRoot);

      Map<String, String> env = SamLocalEnvironment.of(template, function, Project.envVarsFile());
      // From the host instead of a container: the served DynamoDB's loopback address and port.
      assertEquals("http://host.docker.internal:8000", env.get("DYNAMODB_ENDPOINT"));
      env.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
      for (Path event : eventsOf(function)) {
        String output = invoke(taskRoot, function, event, env);
        check(function, event.getFileName().toString(), JSON.readTree(output));
        ran.add(function.logicalId() + " " + event.getFileName());
      }
    }
    assertEquals(9, ran.size(), ran.toString());
  }

  /**
   * The shade rules leave out what no class reference reaches; what the SDK and its libraries load by name must still
   * be there: each class an SDK interceptor list (execution.interceptors) names, and each provider a service file
   * (META-INF/services) names for a service the artifact or the JDK holds. A provider of a service that nothing in
   * the artifact can ask for (its interface left out) may go with it.
   */
  private static void assertNamedClassesPresent(Path taskRoot) throws IOException {
    List<Path> lists;
    try (Stream<Path> files = Files.walk(taskRoot)) {
      lists =
          files
              .filter(Files::isRegularFile)
              .filter(f -> isServiceFile(f) || f.getFileName().toString().equals("execution.interceptors"))
              .toList();
    }
    int checked = 0;
    for (Path list : lists) {
      if (isServiceFile(list) && !holds(taskRoot, list.getFileName().toString())) {
        continue;
      }
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        String name = line.replaceFirst("#.*", "").trim();
        if (!name.isEmpty()) {
          assertTrue(
              holds(taskRoot, name), taskRoot.relativize(list) + " names " + name + ", which the artifact does not hold");
          checked++;
        }
      }
    }
    // At least the SDK's logging provider (SLF4J) and the Apache client's registration.
    assertTrue(checked >= 2, "named classes checked in " + taskRoot + ": " + checked);
  }

  private static boolean isServiceFile(Path file) {
    return file.getParent().endsWith(Path.of("META-INF", "services"));
  }

  /** The class is in the artifact, or in the JDK (which the function's class path does not need to hold). */
  private static boolean holds(Path taskRoot, String className) {
    if (Files.isRegularFile(taskRoot.resolve(className.replace('.', '/') + ".class"))) {
      return true;
    }
    try {
      Class.forName(className, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The events of events/ that belong to a function, by their names' prefixes (see EventsDirectoryTest). */
  private static List<Path> eventsOf(SamFunction function) throws IOException {
    String prefix =
        switch (function.logicalId()) {
          case "AuthorizerFunction" -> "authorizer-";
          case "EvaluationsFunction" -> "evaluations-";
          case "EvaluationCountsFunction" -> "evaluation-counts-";
          case "ScoringJobsFunction" -> "scoring-";
          default -> throw new AssertionError("no events for " + function.logicalId());
        };
    try (Stream<Path> files = Files.list(Project.events())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private static void check(SamFunction function, String event, JsonNode output) throws IOException {
    switch (function.logicalId()) {
      case "AuthorizerFunction" -> {
        // The events carry the demo keys: the authorizer found them in the served tables.
        assertEquals("Allow", output.at("/policyDocument/Statement/0/Effect").asText(), event + ": " + output);
        assertTrue(output.path("context").size() > 0, event + ": " + output);
      }
      // ReportBatchItemFailures: a batch counted in full reports no failed record.
      case "EvaluationCountsFunction" -> assertEquals("{\"batchItemFailures\":[]}", output.toString(), event);
      case "EvaluationsFunction" -> {
        int status = event.contains("invalid") ? 400 : 200;
        assertEquals(status, output.path("statusCode").asInt(), event + ": " + output);
        JsonNode body = JSON.readTree(output.path("body").asText());
        assertTrue(status == 400 ? body.has("parameter") : body.path("pagination").has("total_count"), event + ": " + body);
      }
      case "ScoringJobsFunction" -> {
        int status = event.contains("invalid") ? 422 : 200;
        assertEquals(status, output.path("statusCode").asInt(), event + ": " + output);
        JsonNode body = JSON.readTree(output.path("body").asText());
        assertTrue(status == 422 ? body.has("detail") : body.isArray(), event + ": " + body);
      }
      default -> throw new AssertionError(function.logicalId());
    }
  }

  private static void make(String target, Path artifactsDir) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("make", "--no-print-directory", target, "ARTIFACTS_DIR=" + artifactsDir))
            .directory(Project.root().toFile())
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "make " + target + " did not finish");
    assertEquals(0, process.exitValue(), "make " + target + ":\n" + output);
  }

  private static String invoke(Path taskRoot, SamFunction function, Path event, Map<String, String> env)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        String.join(File.pathSeparator, taskRoot.toString(), taskRoot.resolve("lib").resolve("*").toString(),
            Path.of("target", "test-classes").toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", classPath, HandlerLauncher.class.getName(), function.handlerClass(),
            event.toString());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), function.logicalId() + " did not finish");
    assertEquals(0, process.exitValue(), function.logicalId() + " on " + event.getFileName() + ":\n" + err);
    return new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).reduce((a, b) -> b)
        .orElse("");
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }
}
