package io.evaljobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

class CountingDynamoDbTest {
  private static final Map<String, AttributeValue> FOUND = Map.of("k", AttributeValue.fromS("found"));
  private static final Map<String, AttributeValue> MISSING = Map.of("k", AttributeValue.fromS("missing"));

  private final Delegate delegate = new Delegate();

  @Test
  void listings_readsOfEachKind_areCountedApartAndSummed() {
    CountingDynamoDb counting = CountingDynamoDb.listings(delegate, "counts");

    counting.query(query("jobs", 5).build());
    counting.query(query("jobs", 7).select(Select.COUNT).build());
    counting.query(query("jobs", 2).select(Select.COUNT).build());
    counting.query(query("counts", 1).build());
    counting.getItem(get("counts", FOUND));
    counting.getItem(get("counts", MISSING));

    assertEquals(1, counting.queries());
    assertEquals(5, counting.itemsExamined());
    assertEquals(2, counting.countQueries());
    assertEquals(9, counting.countItemsExamined());
    assertEquals(3, counting.counterReads());
    assertEquals(2, counting.counterItemsRead());
    assertEquals(0, counting.itemReads());
    assertEquals(6, counting.allRequests());
    assertEquals(16, counting.allItemsExamined());
    assertEquals(6, delegate.calls);
  }

  @Test
  void listings_getItemOfAJobsTableOrAnyWrite_isRefusedBeforeReachingDynamoDb() {
    for (CountingDynamoDb counting :
        List.of(CountingDynamoDb.listings(delegate), CountingDynamoDb.listings(delegate, "counts"))) {
      assertThrows(UnsupportedOperationException.class, () -> counting.getItem(get("jobs", FOUND)));
      assertThrows(UnsupportedOperationException.class,
          () -> counting.putItem(PutItemRequest.builder().tableName("jobs").item(FOUND).build()));
      assertThrows(UnsupportedOperationException.class,
          () -> counting.updateItem(UpdateItemRequest.builder().tableName("jobs").key(FOUND).build()));
      assertThrows(UnsupportedOperationException.class,
          () -> counting.transactWriteItems(TransactWriteItemsRequest.builder().build()));
      assertEquals(0, counting.allRequests());
    }
    assertEquals(0, delegate.calls);
  }

  @Test
  void passingThrough_readsAndWrites_reachDynamoDbAndAreCounted() {
    CountingDynamoDb counting = CountingDynamoDb.passingThrough(delegate);

    counting.getItem(get("keys", FOUND));
    counting.getItem(get("keys", MISSING));
    counting.query(query("keys", 3).build());
    counting.putItem(PutItemRequest.builder().tableName("keys").item(FOUND).build());
    counting.updateItem(UpdateItemRequest.builder().tableName("keys").key(FOUND).build());
    counting.transactWriteItems(TransactWriteItemsRequest.builder().build());

    assertEquals(2, counting.itemReads());
    assertEquals(1, counting.queries());
    assertEquals(3, counting.writes());
    assertEquals(0, counting.counterReads());
    assertEquals(6, counting.allRequests());
    assertEquals(4, counting.allItemsExamined(), "3 examined by the query, 1 item found by GetItem");
    assertEquals(6, delegate.calls);
  }

  @Test
  void reset_afterReadsAndWrites_zeroesEveryCount() {
    CountingDynamoDb counting = CountingDynamoDb.passingThrough(delegate);
    counting.query(query("keys", 3).build());
    counting.query(query("keys", 3).select(Select.COUNT).build());
    counting.getItem(get("keys", FOUND));
    counting.putItem(PutItemRequest.builder().tableName("keys").item(FOUND).build());

    counting.reset();

    assertEquals(0, counting.allRequests());
    assertEquals(0, counting.allItemsExamined());
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
        List.of(counting.queries(), counting.itemsExamined(), counting.countQueries(), counting.countItemsExamined(),
            counting.counterReads(), counting.counterItemsRead(), counting.itemReads(), counting.writes()));
  }

  private static QueryRequest.Builder query(String table, int examined) {
    // The stand-in below answers with the Limit as the number of items it examined.
    return QueryRequest.builder().tableName(table).limit(examined);
  }

  private static GetItemRequest get(String table, Map<String, AttributeValue> key) {
    return GetItemRequest.builder().tableName(table).key(key).build();
  }

  /** DynamoDB as far as these calls need it, counting what reaches it. */
  private static final class Delegate implements DynamoDbClient {
    int calls;

    @Override
    public QueryResponse query(QueryRequest request) {
      calls++;
      return QueryResponse.builder().scannedCount(request.limit()).count(request.limit()).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      calls++;
      return request.key().equals(FOUND)
          ? GetItemResponse.builder().item(FOUND).build()
          : GetItemResponse.builder().build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      calls++;
      return PutItemResponse.builder().build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
      calls++;
      return UpdateItemResponse.builder().build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
      calls++;
      return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
