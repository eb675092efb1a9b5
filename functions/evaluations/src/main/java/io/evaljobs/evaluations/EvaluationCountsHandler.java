package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.dynamodb.DynamoDbClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps the counts behind {@code total_count} in step with the evaluations table: consumes the table's DynamoDB
 * stream (NEW_AND_OLD_IMAGES). A failed batch throws, so Lambda delivers it again; the ledger makes that harmless.
 */
public final class EvaluationCountsHandler implements RequestStreamHandler {
  private final JobCountWriter writer;
  private final PrintStream log;

  /** For the Lambda runtime: the counts table from EVALUATION_COUNTS_TABLE, one DynamoDB client per environment. */
  public EvaluationCountsHandler() {
    this(System.getenv());
  }

  private EvaluationCountsHandler(Map<String, String> env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        Objects.requireNonNull(
            env.get(ListEvaluationsHandler.COUNTS_TABLE_VARIABLE),
            ListEvaluationsHandler.COUNTS_TABLE_VARIABLE + " is not set"),
        System.out);
  }

  public EvaluationCountsHandler(
      DynamoDbClient dynamo, String countsTableName, PrintStream log) {
    this.writer = new JobCountWriter(dynamo, countsTableName, Clock.systemUTC());
    this.log = log;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    List<JobChange> changes = StreamEventParser.parse(input);
    JobCountWriter.Applied applied = writer.apply(changes);
    // One line per batch, no tenant data: enough to see lag, replays and contention in the logs.
    log.println(
        "{\"message\":\"counted\",\"records\":" + changes.size() + ",\"jobs\":" + applied.jobs()
            + ",\"transactions\":" + applied.transactions() + ",\"replays_skipped\":" + applied.replaysSkipped()
            + ",\"conflicts_retried\":" + applied.conflictsRetried() + "}");
    output.write("{}".getBytes(StandardCharsets.UTF_8));
  }
}
