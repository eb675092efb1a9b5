package io.evaljobs.cli.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A one-table DynamoDB that, like the real one, refuses batches over 25 items or naming a key twice, and leaves a
 * random share of each batch unprocessed.
 */
public final class FakeBatchDynamoDb implements DynamoDbClient {
  public static final String TABLE = "Jobs";
  public static final List<String> KEY = List.of("tenant", "job_id");

  private final Random random;
  private final double unprocessedShare;
  private final Predicate<Map<String, AttributeValue>> refused;

  /** Every item as stored, by key. */
  public final Map<List<AttributeValue>, Map<String, AttributeValue>> stored = new LinkedHashMap<>();

  public int batchCalls;
  public int putCalls;

  /**
   * @param unprocessedShare probability that an item of a batch comes back unprocessed
   * @param refused items DynamoDB refuses with a ValidationException (failing their whole batch)
   */
  public FakeBatchDynamoDb(Random random, double unprocessedShare, Predicate<Map<String, AttributeValue>> refused) {
    this.random = random;
    this.unprocessedShare = unprocessedShare;
    this.refused = refused;
  }

  public static Map<String, AttributeValue> item(String tenant, String jobId, String value) {
    return Map.of(
        "tenant", AttributeValue.fromS(tenant),
        "job_id", AttributeValue.fromS(jobId),
        "value", AttributeValue.fromS(value));
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    if (!request.tableName().equals(TABLE)) {
      throw error(400, "ResourceNotFoundException", "no table " + request.tableName());
    }
    return DescribeTableResponse.builder()
        .table(
            TableDescription.builder()
                .tableName(TABLE)
                .keySchema(
                    KeySchemaElement.builder().attributeName("tenant").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("job_id").keyType(KeyType.RANGE).build())
                .build())
        .build();
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    batchCalls++;
    List<WriteRequest> writes = request.requestItems().get(TABLE);
    if (writes == null || request.requestItems().size() != 1) {
      throw error(400, "ValidationException", "unexpected tables " + request.requestItems().keySet());
    }
    if (writes.isEmpty() || writes.size() > 25) {
      throw error(400, "ValidationException", "batch of " + writes.size());
    }
    Set<List<AttributeValue>> keys = new HashSet<>();
    for (WriteRequest write : writes) {
      Map<String, AttributeValue> item = write.putRequest().item();
      if (!keys.add(key(item))) {
        throw error(400, "ValidationException", "Provided list of item keys contains duplicates");
      }
      if (refused.test(item)) {
        throw error(400, "ValidationException", "Item size has exceeded the maximum allowed size");
      }
    }
    List<WriteRequest> unprocessed = new ArrayList<>();
    for (WriteRequest write : writes) {
      if (random.nextDouble() < unprocessedShare) {
        unprocessed.add(write);
      } else {
        store(write.putRequest().item());
      }
    }
    return BatchWriteItemResponse.builder()
        .unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(TABLE, unprocessed))
        .build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    putCalls++;
    if (refused.test(request.item())) {
      throw error(400, "ValidationException", "Item size has exceeded the maximum allowed size");
    }
    store(request.item());
    return PutItemResponse.builder().build();
  }

  private void store(Map<String, AttributeValue> item) {
    stored.put(key(item), Map.copyOf(item));
  }

  public static List<AttributeValue> key(Map<String, AttributeValue> item) {
    return List.of(item.get("tenant"), item.get("job_id"));
  }

  private static DynamoDbException error(int status, String code, String message) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .statusCode(status)
            .message(message)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
