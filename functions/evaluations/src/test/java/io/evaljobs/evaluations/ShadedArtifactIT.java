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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployable artifact itself, in a JVM of its own: its shade filters keep every class the list handler needs to
 * answer a listing with its total_count, read from a job's counters as the counts function leaves them. The counts
 * function's artifact is checked in its own module (functions/counts).
 */
class ShadedArtifactIT {
  private static final Path ARTIFACT = Path.of("target", "evaluations-function.jar");

  @Test
  void artifact_listHandler_runsFromTheShadedJar() throws Exception {
    assertTrue(Files.isRegularFile(ARTIFACT), "package builds " + ARTIFACT + " before the integration tests");
    Path events = Path.of(System.getProperty("evaljobs.events"));
    try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0);
        DynamoDbClient client = DynamoDbClients.forEndpoint(server.endpoint(), "us-east-1")) {
      Map<String, String> tables = TableProvisioner.createAll(client, TemplateTables.load(), id -> "shaded-" + id);
      Map<String, String> env =
          ArtifactRun.localEnvironment(
              server.endpoint(),
              Map.of(
                  "EVALUATIONS_TABLE", tables.get(EvaluationTable.LOGICAL_ID),
                  "EVALUATION_COUNTS_TABLE", tables.get(JobCountTable.LOGICAL_ID),
                  "PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("shaded", new SecureRandom())));

      // One job of the event's tenant, with the counters it adds one to.
      Map<String, AttributeValue> item =
          EvaluationTable.toItem("org-acme", new RandomJobs(new Random(3)).job("shaded-1"));
      client.putItem(b -> b.tableName(tables.get(EvaluationTable.LOGICAL_ID)).item(item));
      for (CounterKey key : JobCountTable.countersOf(EvaluationTable.countedJob(item).orElseThrow())) {
        Map<String, AttributeValue> counter = new HashMap<>(key.toKey());
        counter.put(JobCountTable.N, AttributeValue.fromN("1"));
        client.putItem(b -> b.tableName(tables.get(JobCountTable.LOGICAL_ID)).item(counter));
      }

      JsonNode response =
          new ObjectMapper()
              .readTree(
                  ArtifactRun.launch(
                      ARTIFACT, ListEvaluationsHandler.class, events.resolve("evaluations-list.json"), env));
      assertEquals(200, response.path("statusCode").asInt(), response.toString());
      JsonNode body = new ObjectMapper().readTree(response.path("body").asText());
      assertEquals(1, body.path("pagination").path("total_count").asInt(-1), body.toString());
      assertEquals(1, body.path("jobs").size(), body.toString());
    }
  }
}
