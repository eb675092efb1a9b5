package io.evaljobs.security;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Passes Queries and GetItems through to DynamoDB and counts them with the items they examined, in three kinds:
 * page reads, COUNT passes over a listing, and reads of the counts table; refuses every other call.
 */
final class CountingDynamoDb implements DynamoDbClient {
  private final DynamoDbClient delegate;
  private final Optional<String> countsTable;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong itemsExamined = new AtomicLong();
  private final AtomicLong countQueries = new AtomicLong();
  private final AtomicLong countItemsExamined = new AtomicLong();
  private final AtomicLong counterReads = new AtomicLong();
  private final AtomicLong counterItemsRead = new AtomicLong();

  /** For an API that keeps no counts table. */
  CountingDynamoDb(DynamoDbClient delegate) {
    this(delegate, Optional.empty());
  }

  /** Reads of {@code countsTable} are counted apart from the listings' reads. */
  CountingDynamoDb(DynamoDbClient delegate, String countsTable) {
    this(delegate, Optional.of(countsTable));
  }

  private CountingDynamoDb(DynamoDbClient delegate, Optional<String> countsTable) {
    this.delegate = delegate;
    this.countsTable = countsTable;
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    QueryResponse response = delegate.query(request);
    long examined = response.scannedCount() == null ? 0 : response.scannedCount();
    if (isCountsTable(request.tableName())) {
      counterReads.incrementAndGet();
      counterItemsRead.addAndGet(examined);
    } else if (request.select() == Select.COUNT) {
      // COUNT queries are the count and skip passes, bounded separately from the page read.
      countQueries.incrementAndGet();
      countItemsExamined.addAndGet(examined);
    } else {
      queries.incrementAndGet();
      itemsExamined.addAndGet(examined);
    }
    return response;
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    if (!isCountsTable(request.tableName())) {
      throw new UnsupportedOperationException("no list API reads its jobs with GetItem: " + request.tableName());
    }
    GetItemResponse response = delegate.getItem(request);
    counterReads.incrementAndGet();
    counterItemsRead.addAndGet(response.hasItem() ? 1 : 0);
    return response;
  }

  private boolean isCountsTable(String table) {
    return countsTable.isPresent() && countsTable.get().equals(table);
  }

  /** Queries that return items: the page reads. */
  long queries() {
    return queries.get();
  }

  long itemsExamined() {
    return itemsExamined.get();
  }

  long countQueries() {
    return countQueries.get();
  }

  long countItemsExamined() {
    return countItemsExamined.get();
  }

  /** GetItems and Queries of the counts table. */
  long counterReads() {
    return counterReads.get();
  }

  long counterItemsRead() {
    return counterItemsRead.get();
  }

  /** Every request that reached DynamoDB. */
  long allRequests() {
    return queries.get() + countQueries.get() + counterReads.get();
  }

  /** Every item any request examined. */
  long allItemsExamined() {
    return itemsExamined.get() + countItemsExamined.get() + counterItemsRead.get();
  }

  void reset() {
    queries.set(0);
    itemsExamined.set(0);
    countQueries.set(0);
    countItemsExamined.set(0);
    counterReads.set(0);
    counterItemsRead.set(0);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
