package io.evaljobs.counts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.lambda.Environment;
import io.evaljobs.lambda.LambdaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps the counts behind {@code total_count} in step with the evaluations table: consumes the table's DynamoDB
 * stream (NEW_AND_OLD_IMAGES). A batch it cannot apply is reported as failed from its first record
 * (ReportBatchItemFailures), so Lambda delivers it again; the ledger makes the records already counted harmless.
 */
public final class EvaluationCountsHandler implements RequestStreamHandler {
  /** The counts table's name, as template.yaml sets it for this function. */
  private static final String COUNTS_TABLE_VARIABLE = "EVALUATION_COUNTS_TABLE";

  private final JobCountWriter writer;
  private final PrintStream log;

  /** For the Lambda runtime: the counts table from EVALUATION_COUNTS_TABLE, one DynamoDB client per environment. */
  public EvaluationCountsHandler() {
    this(Environment.system());
  }

  private EvaluationCountsHandler(Environment env) {
    this(DynamoDbClients.fromEnvironment(env), env.required(COUNTS_TABLE_VARIABLE), System.out);
  }

  public EvaluationCountsHandler(
      DynamoDbClient dynamo, String countsTableName, PrintStream log) {
    this.writer = new JobCountWriter(dynamo, countsTableName, Clock.systemUTC());
    this.log = log;
  }

  /** An event that is not a DynamoDB stream event fails the invocation: Lambda retries the batch. */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    DynamodbEvent event =
        LambdaJson.readEvent(input, DynamodbEvent.class)
            .orElseThrow(() -> new IOException("the event is not a DynamoDB stream event"));
    LambdaJson.write(handle(event, context), output);
  }

  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    List<DynamodbEvent.DynamodbStreamRecord> records =
        event.getRecords() == null ? List.of() : event.getRecords();
    List<JobChange> changes = StreamChanges.of(records);
    JobCountWriter.Applied applied;
    try {
      applied = writer.apply(changes);
    } catch (RuntimeException e) {
      log.println(
          "{\"message\":\"counting failed\",\"records\":" + changes.size() + ",\"error\":\""
              + e.getClass().getSimpleName() + "\"}");
      return failedFrom(firstSequenceNumber(records).orElseThrow(() -> e));
    }
    // One line per batch, no tenant data: enough to see lag, replays and contention in the logs.
    log.println(
        "{\"message\":\"counted\",\"records\":" + changes.size() + ",\"jobs\":" + applied.jobs()
            + ",\"transactions\":" + applied.transactions() + ",\"replays_skipped\":" + applied.replaysSkipped()
            + ",\"conflicts_retried\":" + applied.conflictsRetried() + "}");
    return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
  }

  /** Lambda retries a stream batch from the lowest sequence number reported failed. */
  private static StreamsEventResponse failedFrom(String sequenceNumber) {
    return StreamsEventResponse.builder()
        .withBatchItemFailures(
            List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build()))
        .build();
  }

  private static Optional<String> firstSequenceNumber(List<DynamodbEvent.DynamodbStreamRecord> records) {
    return records.stream()
        .map(DynamodbEvent.DynamodbStreamRecord::getDynamodb)
        .filter(Objects::nonNull)
        .map(stream -> stream.getSequenceNumber())
        .filter(Objects::nonNull)
        .findFirst();
  }
}
