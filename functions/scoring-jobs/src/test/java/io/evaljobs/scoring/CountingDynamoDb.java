package io.evaljobs.scoring;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Passes Query to a real client and counts requests and items examined; any other call fails. */
final class CountingDynamoDb implements DynamoDbClient {
  private final DynamoDbClient delegate;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger examined = new AtomicInteger();
  final AtomicInteger scans = new AtomicInteger();

  CountingDynamoDb(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    requests.incrementAndGet();
    QueryResponse response = delegate.query(request);
    examined.addAndGet(response.scannedCount());
    return response;
  }

  void reset() {
    requests.set(0);
    examined.set(0);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
