package io.evaljobs.evaluations;

import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of the integration suites: the template's tables on a backend the concrete class chooses (DynamoDB Local,
 * LocalStack), created once per class, and the handler under test wired to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DynamoDbSuite {
  private DynamoDbBackend backend;
  private String tableName;
  private String countsTableName;
  private EvaluationCountsPoller counts;

  /** Starts (or connects to) the DynamoDB this suite runs against. */
  protected abstract DynamoDbBackend openBackend();

  @BeforeAll
  final void provisionTables() {
    backend = openBackend();
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, String> tables =
        TableProvisioner.createAll(backend.client(), TemplateTables.load(), id -> prefix + id);
    tableName = tables.get(EvaluationTable.LOGICAL_ID);
    countsTableName = tables.get(JobCountTable.LOGICAL_ID);
    counts = new EvaluationCountsPoller(backend.client(), backend.streams(), tableName, countsTableName);
    writeData();
    settleCounts();
  }

  /** Counts what the stream holds so far, as the deployed counts function would have done by now. */
  protected void settleCounts() {
    counts.drain();
  }

  /** The suite's data, written once before its tests. */
  protected void writeData() {}

  @AfterAll
  final void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  protected DynamoDbClient dynamo() {
    return backend.client();
  }

  protected String tableName() {
    return tableName;
  }

  protected String countsTableName() {
    return countsTableName;
  }

  protected ListEvaluationsHandler newHandler() {
    return new ListEvaluationsHandler(dynamo(), tableName, countsTableName, TestTokens.current());
  }
}
