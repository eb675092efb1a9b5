package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.counts.EvaluationCountsHandler;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The counts function's deployable artifact itself, in a JVM of its own: its shade filters keep every class the
 * handler needs to apply the sample stream event (transactions, conditions, cancellations), twice. The counts are
 * read back as the list function reads them ({@link JobCounter}, hence this package).
 */
class CountsShadedArtifactIT {
  private static final Path ARTIFACT = Path.of("target", "counts-function.jar");

  @Test
  void artifact_countsHandler_runsFromTheShadedJar() throws Exception {
    assertTrue(Files.isRegularFile(ARTIFACT), "package builds " + ARTIFACT + " before the integration tests");
    Path events = Path.of(System.getProperty("evaljobs.events"));
    try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0);
        DynamoDbClient client = DynamoDbClients.forEndpoint(server.endpoint(), "us-east-1")) {
      Map<String, String> tables = TableProvisioner.createAll(client, TemplateTables.load(), id -> "shaded-" + id);
      Map<String, String> env =
          Map.of(
              "AWS_REGION", "us-east-1",
              "AWS_ACCESS_KEY_ID", "local",
              "AWS_SECRET_ACCESS_KEY", "local",
              "DYNAMODB_ENDPOINT", server.endpoint().toString(),
              "EVALUATION_COUNTS_TABLE", tables.get(JobCountTable.LOGICAL_ID));

      Path streamEvent = events.resolve("evaluation-counts-stream.json");
      String first = launch(EvaluationCountsHandler.class, streamEvent, env);
      String again = launch(EvaluationCountsHandler.class, streamEvent, env);
      assertEquals("{\"batchItemFailures\":[]}", first);
      assertEquals("{\"batchItemFailures\":[]}", again);
      JobCounter counter =
          new JobCounter(client, new IndexReader(client), tables.get(EvaluationTable.LOGICAL_ID),
              tables.get(JobCountTable.LOGICAL_ID));
      EvaluationQuery completed =
          new EvaluationQuery(Optional.of(EvaluationStatus.COMPLETED), Optional.empty(), Optional.empty(),
              Optional.empty(), SortField.CREATED_AT, SortOrder.DESC);
      assertEquals(1, counter.count("org-acme", completed, CreatedRange.ALL).count());
    }
  }

  /** The handler run by the list function's launcher (its test classes), behind the artifact on the class path. */
  private static String launch(Class<?> handler, Path event, Map<String, String> env)
      throws IOException, InterruptedException, URISyntaxException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path launcher = Path.of(ArtifactLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = ARTIFACT.toAbsolutePath() + File.pathSeparator + launcher.toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-cp", classPath, ArtifactLauncher.class.getName(), handler.getName(),
            event.toString()));
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(false);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the function did not finish");
    assertEquals(0, process.exitValue(), err);
    return new String(out, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse("");
  }
}
