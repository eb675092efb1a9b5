package io.evaljobs.counts;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/** A DynamoDB client whose every transaction fails as a throttled store's does, counting the attempts. */
final class ThrottledDynamoDb implements DynamoDbClient {
  final AtomicInteger transactions = new AtomicInteger();

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    transactions.incrementAndGet();
    throw ProvisionedThroughputExceededException.builder().message("throttled for the test").statusCode(400).build();
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
    return transactWriteItems(TransactWriteItemsRequest.builder().applyMutation(request).build());
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
