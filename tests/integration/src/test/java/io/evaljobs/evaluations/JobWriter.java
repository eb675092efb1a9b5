package io.evaljobs.evaluations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes test jobs through {@link EvaluationTable#toItem}, 25 to a batch, retrying what DynamoDB left over. */
final class JobWriter {
  private JobWriter() {}

  static void writeAll(DynamoDbClient dynamo, String tableName, List<StoredJob> jobs) {
    for (int from = 0; from < jobs.size(); from += 25) {
      List<WriteRequest> batch =
          jobs.subList(from, Math.min(from + 25, jobs.size())).stream()
              .map(s -> WriteRequest.builder()
                  .putRequest(PutRequest.builder().item(EvaluationTable.toItem(s.organization(), s.job())).build())
                  .build())
              .collect(Collectors.toList());
      Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt == 10) {
          throw new IllegalStateException("DynamoDB kept items unprocessed");
        }
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
    }
  }

  static void write(DynamoDbClient dynamo, String tableName, String organization, List<EvaluationJob> jobs) {
    List<StoredJob> stored = new ArrayList<>();
    jobs.forEach(job -> stored.add(new StoredJob(organization, job)));
    writeAll(dynamo, tableName, stored);
  }
}
