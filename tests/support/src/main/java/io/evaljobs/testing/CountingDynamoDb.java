package io.evaljobs.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Passes calls on to a real client and counts them with the items they examined, in kinds: page reads (Queries that
 * return items), COUNT passes over a listing, reads of a counts table, GetItems of other tables and writes.
 *
 * <p>Made for a list API ({@link #listings}) it refuses what no list API does, GetItem of its jobs and every write,
 * so a test that counts a listing's work also proves it took no other path. Calls this class does not name are
 * refused either way (the SDK interface's default).
 */
public final class CountingDynamoDb implements DynamoDbClient {
  private final DynamoDbClient delegate;
  private final Optional<String> countsTable;
  private final boolean listingsOnly;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong itemsExamined = new AtomicLong();
  private final AtomicLong countQueries = new AtomicLong();
  private final AtomicLong countItemsExamined = new AtomicLong();
  private final AtomicLong counterReads = new AtomicLong();
  private final AtomicLong counterItemsRead = new AtomicLong();
  private final AtomicLong itemReads = new AtomicLong();
  private final AtomicLong itemsRead = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();

  private CountingDynamoDb(DynamoDbClient delegate, Optional<String> countsTable, boolean listingsOnly) {
    this.delegate = delegate;
    this.countsTable = countsTable;
    this.listingsOnly = listingsOnly;
  }

  /** For a list API that keeps no counts table: Queries only. */
  public static CountingDynamoDb listings(DynamoDbClient delegate) {
    return new CountingDynamoDb(delegate, Optional.empty(), true);
  }

  /** For a list API with a counts table: Queries, and GetItems of {@code countsTable}, counted apart. */
  public static CountingDynamoDb listings(DynamoDbClient delegate, String countsTable) {
    return new CountingDynamoDb(delegate, Optional.of(countsTable), true);
  }

  /** For a store that reads and writes items: Query, GetItem, PutItem, UpdateItem and TransactWriteItems. */
  public static CountingDynamoDb passingThrough(DynamoDbClient delegate) {
    return new CountingDynamoDb(delegate, Optional.empty(), false);
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
    boolean counter = isCountsTable(request.tableName());
    if (listingsOnly && !counter) {
      throw new UnsupportedOperationException("no list API reads its jobs with GetItem: " + request.tableName());
    }
    GetItemResponse response = delegate.getItem(request);
    long found = response.hasItem() ? 1 : 0;
    if (counter) {
      counterReads.incrementAndGet();
      counterItemsRead.addAndGet(found);
    } else {
      itemReads.incrementAndGet();
      itemsRead.addAndGet(found);
    }
    return response;
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    requireWrites(request.tableName());
    writes.incrementAndGet();
    return delegate.putItem(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    requireWrites(request.tableName());
    writes.incrementAndGet();
    return delegate.updateItem(request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    requireWrites("a transaction");
    writes.incrementAndGet();
    return delegate.transactWriteItems(request);
  }

  private void requireWrites(String target) {
    if (listingsOnly) {
      throw new UnsupportedOperationException("a list API writes nothing: " + target);
    }
  }

  private boolean isCountsTable(String table) {
    return countsTable.isPresent() && countsTable.get().equals(table);
  }

  /** Queries that return items: the page reads. */
  public long queries() {
    return queries.get();
  }

  public long itemsExamined() {
    return itemsExamined.get();
  }

  /** Queries with Select COUNT, outside the counts table. */
  public long countQueries() {
    return countQueries.get();
  }

  public long countItemsExamined() {
    return countItemsExamined.get();
  }

  /** GetItems and Queries of the counts table. */
  public long counterReads() {
    return counterReads.get();
  }

  public long counterItemsRead() {
    return counterItemsRead.get();
  }

  /** GetItems of tables other than the counts table. */
  public long itemReads() {
    return itemReads.get();
  }

  /** PutItems, UpdateItems and TransactWriteItems. */
  public long writes() {
    return writes.get();
  }

  /** Every request that reached DynamoDB. */
  public long allRequests() {
    return queries.get() + countQueries.get() + counterReads.get() + itemReads.get() + writes.get();
  }

  /** Every item any read examined. */
  public long allItemsExamined() {
    return itemsExamined.get() + countItemsExamined.get() + counterItemsRead.get() + itemsRead.get();
  }

  public void reset() {
    for (AtomicLong counter :
        new AtomicLong[] {
          queries, itemsExamined, countQueries, countItemsExamined, counterReads, counterItemsRead, itemReads,
          itemsRead, writes
        }) {
      counter.set(0);
    }
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  /** The delegate belongs to the test that made it: closing this wrapper leaves it open. */
  @Override
  public void close() {}
}
