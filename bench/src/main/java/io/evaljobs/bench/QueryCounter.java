package io.evaljobs.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Counts what the functions ask of DynamoDB: Query and GetItem requests (item reads apart from what total_count
 * reads: Select COUNT Queries and the counts table), items
 * examined, items matched and read capacity. It asks every Query to return its consumed capacity, which changes the
 * response only. Thread-safe: the evaluations function reads a first page's total beside the page.
 */
final class QueryCounter implements ExecutionInterceptor {
  private final String countsTable;
  private Totals items = Totals.ZERO;
  private Totals counts = Totals.ZERO;
  private List<Sent> requests = new ArrayList<>();
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("evaljobs-bench-started");

  /** {@code countsTable}: reads of it are what total_count costs, like Select COUNT Queries. */
  QueryCounter(String countsTable) {
    this.countsTable = countsTable;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (context.request() instanceof QueryRequest query && query.returnConsumedCapacity() == null) {
      return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (context.request() instanceof GetItemRequest get && get.returnConsumedCapacity() == null) {
      return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    return context.request();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    long started = attributes.getAttribute(STARTED);
    requests.add(new Sent(Thread.currentThread().getId(), context.request()));
    if (context.request() instanceof QueryRequest query && context.response() instanceof QueryResponse response) {
      double capacity =
          response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
              ? 0
              : response.consumedCapacity().capacityUnits();
      Totals one = new Totals(1, response.scannedCount(), response.count(), capacity, System.nanoTime() - started);
      if (query.select() == Select.COUNT || countsTable.equals(query.tableName())) {
        counts = counts.plus(one);
      } else {
        items = items.plus(one);
      }
    }
    if (context.request() instanceof GetItemRequest get && context.response() instanceof GetItemResponse response) {
      double capacity =
          response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
              ? 0
              : response.consumedCapacity().capacityUnits();
      long found = response.hasItem() ? 1 : 0;
      Totals one = new Totals(1, found, found, capacity, System.nanoTime() - started);
      if (countsTable.equals(get.tableName())) {
        counts = counts.plus(one);
      } else {
        items = items.plus(one);
      }
    }
  }

  /** What was counted since the last call, then starts again from zero. */
  synchronized Snapshot take() {
    Snapshot snapshot = new Snapshot(items, counts, requests);
    items = Totals.ZERO;
    counts = Totals.ZERO;
    requests = new ArrayList<>();
    return snapshot;
  }

  /** Query requests, items examined (ScannedCount), items matched (Count), capacity units and time in the SDK. */
  record Totals(long requests, long scanned, long matched, double capacity, long nanos) {
    static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    Totals plus(Totals other) {
      return new Totals(
          requests + other.requests,
          scanned + other.scanned,
          matched + other.matched,
          capacity + other.capacity,
          nanos + other.nanos);
    }
  }

  /** A request and the thread that sent it: requests of different threads ran side by side. */
  record Sent(long thread, SdkRequest request) {}

  /** Item-reading Queries and Select COUNT Queries of one measured stretch, and every request it sent, in order. */
  record Snapshot(Totals items, Totals counts, List<Sent> requests) {
    Snapshot {
      requests = List.copyOf(requests);
    }

    Totals all() {
      return items.plus(counts);
    }
  }
}
