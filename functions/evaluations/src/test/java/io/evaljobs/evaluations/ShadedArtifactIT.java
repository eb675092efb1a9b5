package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployable artifact itself, in a JVM of its own: its shade filters keep every class the two handlers it
 * ships need. The counts handler applies the sample stream event (transactions, conditions, cancellations) and
 * the list handler answers from those counts.
 */
class ShadedArtifactIT {
  private static final Path ARTIFACT = Path.of("target", "evaluations-function.jar");

  @Test
  void artifact_countsHandlerAndListHandler_runFromTheShadedJar() throws Exception {
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
              "EVALUATIONS_TABLE", tables.get(EvaluationTable.LOGICAL_ID),
              "EVALUATION_COUNTS_TABLE", tables.get(JobCountTable.LOGICAL_ID),
              "PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("shaded", new SecureRandom()));

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

      JsonNode response =
          new ObjectMapper().readTree(launch(ListEvaluationsHandler.class, events.resolve("evaluations-list.json"), env));
      assertEquals(200, response.path("statusCode").asInt(), response.toString());
      JsonNode body = new ObjectMapper().readTree(response.path("body").asText());
      assertTrue(body.path("pagination").has("total_count"), body.toString());
    }
  }

  private static String launch(Class<?> handler, Path event, Map<String, String> env)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = ARTIFACT.toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
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
