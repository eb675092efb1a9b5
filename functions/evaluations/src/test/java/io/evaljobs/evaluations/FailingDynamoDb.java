package io.evaljobs.evaluations;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A DynamoDB client whose every read fails, counting the attempts (to prove validation never reaches it). */
final class FailingDynamoDb implements DynamoDbClient {
  final AtomicInteger queries = new AtomicInteger();

  @Override
  public QueryResponse query(QueryRequest request) {
    queries.incrementAndGet();
    throw ProvisionedThroughputExceededException.builder().message("throttled for the test").statusCode(400).build();
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    queries.incrementAndGet();
    throw ProvisionedThroughputExceededException.builder().message("throttled for the test").statusCode(400).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
