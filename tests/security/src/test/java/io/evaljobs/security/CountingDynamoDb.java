package io.evaljobs.security;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Passes Queries through to DynamoDB and counts them with the items they examined; refuses every other call. */
final class CountingDynamoDb implements DynamoDbClient {
  private final DynamoDbClient delegate;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong itemsExamined = new AtomicLong();
  private final AtomicLong countQueries = new AtomicLong();
  private final AtomicLong countItemsExamined = new AtomicLong();

  CountingDynamoDb(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    QueryResponse response = delegate.query(request);
    long examined = response.scannedCount() == null ? 0 : response.scannedCount();
    // COUNT queries are the count and skip passes, bounded separately from the page read.
    if (request.select() == Select.COUNT) {
      countQueries.incrementAndGet();
      countItemsExamined.addAndGet(examined);
    } else {
      queries.incrementAndGet();
      itemsExamined.addAndGet(examined);
    }
    return response;
  }

  /** Queries that return items: the page reads. */
  long queries() {
    return queries.get();
  }

  long countQueries() {
    return countQueries.get();
  }

  long countItemsExamined() {
    return countItemsExamined.get();
  }

  long allQueries() {
    return queries.get() + countQueries.get();
  }

  long itemsExamined() {
    return itemsExamined.get();
  }

  void reset() {
    queries.set(0);
    itemsExamined.set(0);
    countQueries.set(0);
    countItemsExamined.set(0);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
