package io.evaljobs.scoring;

import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates the template's tables under a prefix and loads jobs into the scoring table. */
final class TestTables {
  private TestTables() {}

  /** The scoring table's name, after creating every table of the template as {@code prefix + logicalId}. */
  static String createScoringTable(DynamoDbClient dynamo, String prefix) {
    Map<String, String> names = TableProvisioner.createAll(dynamo, TemplateTables.load(), id -> prefix + id);
    return names.get(ScoringJobTable.LOGICAL_ID);
  }

  static void writeAll(DynamoDbClient dynamo, String table, List<ScoringJob> jobs) {
    List<WriteRequest> pending = new ArrayList<>();
    for (ScoringJob job : jobs) {
      pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(ScoringJobTable.toItem(job)).build())
          .build());
    }
    while (!pending.isEmpty()) {
      List<WriteRequest> batch = new ArrayList<>(pending.subList(0, Math.min(25, pending.size())));
      pending.subList(0, batch.size()).clear();
      BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
      if (response.hasUnprocessedItems() && response.unprocessedItems().containsKey(table)) {
        pending.addAll(response.unprocessedItems().get(table));
      }
    }
  }
}
