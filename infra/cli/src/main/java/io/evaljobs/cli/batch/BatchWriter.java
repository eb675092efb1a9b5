package io.evaljobs.cli.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.evaljobs.retry.Backoff;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items to one table with BatchWriteItem, 25 at a time, retrying the items DynamoDB leaves unprocessed with
 * backoff until they are written or the attempts run out. Not thread-safe: one writer per import.
 */
public final class BatchWriter implements AutoCloseable {
  /** Enough to ride out a table scaling up on demand (about a minute of waiting in the worst case). */
  public static final Backoff DEFAULT_BACKOFF = Backoff.exponential(12, Duration.ofMillis(50), Duration.ofSeconds(10));

  /** BatchWriteItem's limit of write requests per call. */
  public static final int MAX_BATCH_SIZE = 25;

  private final DynamoDbClient client;
  private final String table;
  private final List<String> keyAttributes;
  private final Backoff backoff;
  private final BatchOutcome outcome;

  /** Pending items by primary key: BatchWriteItem refuses a batch that names one key twice. */
  private final Map<Map<String, AttributeValue>, Pending> pending = new LinkedHashMap<>();

  private long written;
  private long failed;

  public BatchWriter(
      DynamoDbClient client,
      String table,
      List<String> keyAttributes,
      Backoff backoff,
      BatchOutcome outcome) {
    if (keyAttributes.isEmpty()) {
      throw new IllegalArgumentException("a table has at least one key attribute");
    }
    this.client = client;
    this.table = table;
    this.keyAttributes = List.copyOf(keyAttributes);
    this.backoff = backoff;
    this.outcome = outcome;
  }

  /** A writer for {@code table} whose primary key is read from the table itself, with the default retries. */
  public static BatchWriter forTable(DynamoDbClient client, String table, BatchOutcome outcome) {
    List<String> key =
        client.describeTable(DescribeTableRequest.builder().tableName(table).build()).table().keySchema().stream()
            .map(KeySchemaElement::attributeName)
            .toList();
    return new BatchWriter(client, table, key, DEFAULT_BACKOFF, outcome);
  }

  /** Queues one item; writes a batch when 25 are queued or when the item's key is already queued. */
  public void put(long tag, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String attribute : keyAttributes) {
      AttributeValue value = item.get(attribute);
      if (value == null) {
        failed(tag, "item has no key attribute " + attribute);
        return;
      }
      key.put(attribute, value);
    }
    if (pending.containsKey(key)) {
      // The later item must win, as it would with one PutItem after another.
      flush();
    }
    pending.put(key, new Pending(tag, Map.copyOf(item)));
    if (pending.size() >= MAX_BATCH_SIZE) {
      flush();
    }
  }

  /** Writes everything queued. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>(pending.values());
    pending.clear();
    writeBatch(batch);
  }

  @Override
  public void close() {
    flush();
  }

  public long writtenCount() {
    return written;
  }

  public long failedCount() {
    return failed;
  }

  private void writeBatch(List<Pending> batch) {
    List<Pending> remaining = batch;
    String lastReason = "DynamoDB left the item unprocessed";
    for (int attempt = 1; ; attempt++) {
      try {
        BatchWriteItemResponse response =
            client.batchWriteItem(
                BatchWriteItemRequest.builder().requestItems(Map.of(table, writeRequests(remaining))).build());
        remaining = unprocessed(remaining, response);
      } catch (DynamoDbException e) {
        if (e.statusCode() == 400 && !isThrottling(e)) {
          // A request DynamoDB refuses as a whole (e.g. one item too large): find the bad items one by one.
          writeOneByOne(remaining);
          return;
        }
        lastReason = describe(e);
      } catch (SdkException e) {
        lastReason = describe(e);
      }
      if (remaining.isEmpty()) {
        return;
      }
      if (!backoff.allows(attempt + 1)) {
        for (Pending item : remaining) {
          failed(item.tag(), "not written after " + attempt + " attempts: " + lastReason);
        }
        return;
      }
      backoff.pauseAfter(attempt);
    }
  }

  private List<Pending> unprocessed(List<Pending> sent, BatchWriteItemResponse response) {
    List<WriteRequest> left = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of())
        : List.of();
    List<Map<String, AttributeValue>> leftItems = new ArrayList<>();
    for (WriteRequest request : left) {
      if (request.putRequest() != null) {
        leftItems.add(request.putRequest().item());
      }
    }
    List<Pending> remaining = new ArrayList<>();
    for (Pending item : sent) {
      if (leftItems.contains(item.item())) {
        remaining.add(item);
      } else {
        written(item.tag());
      }
    }
    return remaining;
  }

  private void writeOneByOne(List<Pending> items) {
    for (Pending item : items) {
      try {
        client.putItem(PutItemRequest.builder().tableName(table).item(item.item()).build());
        written(item.tag());
      } catch (SdkException e) {
        failed(item.tag(), describe(e));
      }
    }
  }

  private static List<WriteRequest> writeRequests(List<Pending> items) {
    List<WriteRequest> requests = new ArrayList<>(items.size());
    for (Pending item : items) {
      requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.item()).build()).build());
    }
    return requests;
  }

  private static boolean isThrottling(DynamoDbException e) {
    return e.isThrottlingException()
        || (e.awsErrorDetails() != null
            && "ProvisionedThroughputExceededException".equals(e.awsErrorDetails().errorCode()));
  }

  private static String describe(SdkException e) {
    if (e instanceof DynamoDbException d && d.awsErrorDetails() != null) {
      return d.awsErrorDetails().errorCode() + ": " + d.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  private void written(long tag) {
    written++;
    outcome.written(tag);
  }

  private void failed(long tag, String reason) {
    failed++;
    outcome.failed(tag, reason);
  }

  private record Pending(long tag, Map<String, AttributeValue> item) {}
}
