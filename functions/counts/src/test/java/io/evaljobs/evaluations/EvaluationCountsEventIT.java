package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.counts.EvaluationCountsHandler;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * events/evaluation-counts-stream.json, as {@code sam local invoke EvaluationCountsFunction} passes it: two jobs
 * inserted, one completed, the other removed. Delivered twice, as Lambda may, it still counts once. In the list
 * function's package: the counts are read back as it reads them ({@link JobCounter}).
 */
class EvaluationCountsEventIT {
  @Test
  void countsHandler_sampleEventDeliveredTwice_countsEachChangeOnce() throws IOException {
    byte[] event = Files.readAllBytes(Path.of(System.getProperty("evaljobs.events"), "evaluation-counts-stream.json"));
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      Map<String, String> tables = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id);
      ByteArrayOutputStream logged = new ByteArrayOutputStream();
      EvaluationCountsHandler handler =
          new EvaluationCountsHandler(
              dynamo.client(), tables.get(JobCountTable.LOGICAL_ID), new PrintStream(logged, true, StandardCharsets.UTF_8));
      handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
      handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);

      JobCounter counter =
          new JobCounter(
              dynamo.client(), new IndexReader(dynamo.client()), tables.get(EvaluationTable.LOGICAL_ID),
              tables.get(JobCountTable.LOGICAL_ID));
      assertEquals(1, count(counter, Optional.empty(), Optional.empty()));
      assertEquals(1, count(counter, Optional.of(EvaluationStatus.COMPLETED), Optional.of("judge-gpt-4")));
      assertEquals(0, count(counter, Optional.of(EvaluationStatus.QUEUED), Optional.empty()));
      assertEquals(0, count(counter, Optional.of(EvaluationStatus.PROCESSING), Optional.empty()));
      String[] lines = logged.toString(StandardCharsets.UTF_8).split("\n");
      // The second delivery's one transaction is refused by the ledger of the completed job, so nothing moves.
      assertEquals("{\"message\":\"counted\",\"records\":4,\"jobs\":1,\"transactions\":1,\"replays_skipped\":2,"
          + "\"conflicts_retried\":0}", lines[1]);
    }
  }

  private static long count(JobCounter counter, Optional<EvaluationStatus> status, Optional<String> judge) {
    EvaluationQuery query =
        new EvaluationQuery(status, judge, Optional.empty(), Optional.empty(), SortField.CREATED_AT, SortOrder.DESC);
    return counter.count("org-acme", query, CreatedRange.ALL).count();
  }
}
