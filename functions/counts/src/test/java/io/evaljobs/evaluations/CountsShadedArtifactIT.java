package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.counts.EvaluationCountsHandler;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
          ArtifactRun.localEnvironment(
              server.endpoint(), Map.of("EVALUATION_COUNTS_TABLE", tables.get(JobCountTable.LOGICAL_ID)));

      Path streamEvent = events.resolve("evaluation-counts-stream.json");
      String first = ArtifactRun.launch(ARTIFACT, EvaluationCountsHandler.class, streamEvent, env);
      String again = ArtifactRun.launch(ARTIFACT, EvaluationCountsHandler.class, streamEvent, env);
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
}
