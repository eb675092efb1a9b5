package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.SortKeyCondition;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Pages through a two-segment index listing (items with a value, then items without) every way a client can, and
 * compares each page with an in-memory sort of the same random items.
 */
class PageReaderIT {
  private static final String TABLE = "items";
  private static final ReadBudget AMPLE = new ReadBudget(50, 100_000);
  private static EmbeddedDynamoDb dynamo;
  private static final List<Map<String, AttributeValue>> PARTITION_P = new ArrayList<>();

  record Row(String id, Optional<Long> value) {}

  @BeforeAll
  static void load() {
    dynamo = EmbeddedDynamoDb.start();
    dynamo.client().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attribute("t"), attribute("id"), attribute("gp"), attribute("gs"))
        .keySchema(key("t", KeyType.HASH), key("id", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
            .keySchema(key("gp", KeyType.HASH), key("gs", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    Random random = new Random(5);
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      String partition = i % 7 == 0 ? "Q" : "P";
      String id = "id-" + Integer.toString(random.nextInt(1_000_000), 36) + (random.nextInt(10) == 0 ? "#\u00e9" : "") + i;
      Optional<Long> value = random.nextInt(5) == 0 ? Optional.empty() : Optional.of((long) random.nextInt(40) - 10);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("t", AttributeValue.fromS(partition));
      item.put("id", AttributeValue.fromS(id));
      item.put("gp", AttributeValue.fromS(partition));
      item.put("gs", AttributeValue.fromS(value.map(v -> "1" + SortableValues.integer(v) + "#" + id).orElse("0#" + id)));
      value.ifPresent(v -> item.put("v", AttributeValue.fromN(Long.toString(v))));
      // Stored, never returned: the listings read their keys and "v" only.
      item.put("pad", AttributeValue.fromS("x".repeat(40)));
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (partition.equals("P")) {
        PARTITION_P.add(item);
      }
      if (writes.size() == 25) {
        List<WriteRequest> batch = List.copyOf(writes);
        dynamo.client().batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch)));
        writes.clear();
      }
    }
    if (!writes.isEmpty()) {
      dynamo.client().batchWriteItem(b -> b.requestItems(Map.of(TABLE, writes)));
    }
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static IndexQuery query(boolean ascending, Optional<Long> minimum) {
    Optional<ItemFilter> filter = minimum.map(m -> new ItemFilter("#fv >= :fmin", Map.of("#fv", "v"),
        Map.of(":fmin", AttributeValue.fromN(Long.toString(m)))));
    return IndexQuery.builder().table(TABLE).index("by-g").partition("gp", "P").sortKey("gs")
        .segments(SortKeyCondition.beginsWith("1"), SortKeyCondition.beginsWith("0#")).ascending(ascending)
        .filter(filter).keyAttributes(List.of("gp", "gs", "t", "id")).returnedAttributes(List.of("v")).build();
  }

  /** The oracle: filter and order in memory, comparing strings as DynamoDB does (UTF-8 bytes). */
  private static List<String> expected(boolean ascending, Optional<Long> minimum) {
    Comparator<Map<String, AttributeValue>> byKey = (a, b) -> Arrays.compareUnsigned(
        a.get("gs").s().substring(1).getBytes(StandardCharsets.UTF_8),
        b.get("gs").s().substring(1).getBytes(StandardCharsets.UTF_8));
    Comparator<Map<String, AttributeValue>> order = ascending ? byKey : byKey.reversed();
    Comparator<Map<String, AttributeValue>> valuedFirst = Comparator.comparing(item -> !item.containsKey("v"));
    return PARTITION_P.stream()
        .filter(item -> minimum.isEmpty() || (item.containsKey("v") && Long.parseLong(item.get("v").n()) >= minimum.get()))
        .sorted(valuedFirst.thenComparing(order))
        .map(item -> item.get("id").s())
        .toList();
  }

  private static List<String> ids(Page<Hit> page) {
    page.items().forEach(hit -> assertFalse(hit.item().containsKey("pad"), "a page reads only what it returns"));
    return page.items().stream().map(Hit::item).map(item -> item.get("id").s()).toList();
  }

  @Test
  void read_everyWayOfPaging_matchesTheInMemoryOrder() {
    PageReader reader = new PageReader(new IndexReader(dynamo.client()));
    Random random = new Random(9);
    for (int round = 0; round < 12; round++) {
      boolean ascending = random.nextBoolean();
      Optional<Long> minimum = random.nextBoolean() ? Optional.of((long) random.nextInt(30) - 10) : Optional.empty();
      int limit = 1 + random.nextInt(60);
      IndexQuery query = query(ascending, minimum);
      List<String> expected = expected(ascending, minimum);

      List<String> forward = new ArrayList<>();
      List<Page<Hit>> pages = new ArrayList<>();
      Optional<Cursor> cursor = Optional.of(Cursor.atOffset(0));
      while (cursor.isPresent()) {
        Page<Hit> page = reader.read(query, cursor.get(), limit, AMPLE);
        assertEquals(forward.size(), page.position(), "position of a page reached by token");
        forward.addAll(ids(page));
        pages.add(page);
        cursor = page.next();
      }
      assertEquals(expected, forward, "next tokens, round " + round);

      for (int check = 0; check < 5; check++) {
        int offset = random.nextInt(expected.size() + 2);
        Page<Hit> page = reader.read(query, Cursor.atOffset(offset), limit, AMPLE);
        assertEquals(expected.subList(Math.min(offset, expected.size()), Math.min(offset + limit, expected.size())), ids(page));
        assertEquals(offset + limit < expected.size(), page.next().isPresent());
      }

      Page<Hit> last = pages.get(pages.size() - 1);
      List<String> backward = new ArrayList<>(ids(last));
      Optional<Cursor> previous = last.previous();
      long position = last.position();
      while (previous.isPresent()) {
        Page<Hit> page = reader.read(query, previous.get(), limit, AMPLE);
        assertTrue(page.position() < position, "previous pages move towards the start");
        assertEquals(expected.subList((int) page.position(), (int) page.position() + page.items().size()), ids(page));
        backward.addAll(0, ids(page).subList(0, (int) Math.min(page.items().size(), position - page.position())));
        position = page.position();
        previous = page.previous();
      }
      assertEquals(0, position);
      assertEquals(expected, backward, "previous tokens, round " + round);
    }
  }

  @Test
  void read_tinyBudgetUnderASelectiveFilter_givesShortPagesThatStillCoverEverythingOnce() {
    PageReader reader = new PageReader(new IndexReader(dynamo.client()));
    IndexQuery query = query(false, Optional.of(27L));
    List<String> seen = new ArrayList<>();
    Optional<Cursor> cursor = Optional.of(Cursor.atOffset(0));
    int pages = 0;
    while (cursor.isPresent()) {
      Page<Hit> page = reader.read(query, cursor.get(), 10, new ReadBudget(1, 30));
      assertTrue(page.stats().requests() <= 1);
      seen.addAll(ids(page));
      cursor = page.next();
      pages++;
    }
    assertEquals(expected(false, Optional.of(27L)), seen);
    assertTrue(pages > seen.size() / 10 + 1, "the budget cut pages short");
  }

  @Test
  void count_andSkip_agreeWithTheOracle() {
    IndexReader reader = new IndexReader(dynamo.client());
    for (Optional<Long> minimum : List.of(Optional.<Long>empty(), Optional.of(0L), Optional.of(29L))) {
      assertEquals(expected(true, minimum).size(), reader.count(query(true, minimum)).count());
    }
  }

  /** The partition's items as the base table holds them: the same items as the listing, in another order. */
  private static IndexQuery baseTable() {
    return IndexQuery.builder().table(TABLE).baseTable().partition("t", "P").sortKey("id")
        .segments(SortKeyCondition.beginsWith("id-")).keyAttributes(List.of("t", "id"))
        .returnedAttributes(List.of("v", "gp", "gs")).build();
  }

  @Test
  void readInMemory_anyMixOfCursorsWithTheIndexReader_givesTheSamePages() {
    PageReader indexed = new PageReader(new IndexReader(dynamo.client()));
    InMemoryPageReader inMemory = new InMemoryPageReader(new IndexReader(dynamo.client()));
    Random random = new Random(17);
    for (int round = 0; round < 6; round++) {
      boolean ascending = round % 2 == 0;
      int limit = 1 + random.nextInt(80);
      IndexQuery listing = query(ascending, Optional.empty());
      List<String> expected = expected(ascending, Optional.empty());
      for (int check = 0; check < 4; check++) {
        int offset = random.nextInt(expected.size() + 2);
        Page<Hit> fromIndex = indexed.read(listing, Cursor.atOffset(offset), limit, AMPLE);
        Page<Hit> fromMemory = inMemory.read(baseTable(), listing, Cursor.atOffset(offset), limit, 1_000, AMPLE);
        assertSamePage(fromIndex, fromMemory, "offset " + offset);
      }
      // Walk forward switching reader at every page, then back the same way: each follows the other's cursors.
      List<String> forward = new ArrayList<>();
      Optional<Cursor> cursor = Optional.of(Cursor.atOffset(0));
      Page<Hit> page = null;
      for (int n = 0; cursor.isPresent(); n++) {
        page = n % 2 == 0
            ? inMemory.read(baseTable(), listing, cursor.get(), limit, 1_000, AMPLE)
            : indexed.read(listing, cursor.get(), limit, AMPLE);
        Page<Hit> other = n % 2 == 0
            ? indexed.read(listing, cursor.get(), limit, AMPLE)
            : inMemory.read(baseTable(), listing, cursor.get(), limit, 1_000, AMPLE);
        assertSamePage(other, page, "forward page " + n);
        assertEquals(forward.size(), page.position());
        forward.addAll(ids(page));
        cursor = page.next();
      }
      assertEquals(expected, forward, "round " + round);
      Optional<Cursor> previous = page.previous();
      for (int n = 0; previous.isPresent(); n++) {
        Page<Hit> back = inMemory.read(baseTable(), listing, previous.get(), limit, 1_000, AMPLE);
        assertSamePage(indexed.read(listing, previous.get(), limit, AMPLE), back, "back page " + n);
        previous = back.previous();
      }
    }
  }

  @Test
  void readInMemory_sourceHoldingMoreThanAllowed_refusesInsteadOfAShortPage() {
    InMemoryPageReader inMemory = new InMemoryPageReader(new IndexReader(dynamo.client()));
    ReadBoundExceededException e = assertThrows(ReadBoundExceededException.class,
        () -> inMemory.read(baseTable(), query(true, Optional.empty()), Cursor.atOffset(0), 10, 100, AMPLE));
    assertEquals(ReadBoundExceededException.Stage.FILLING, e.stage());
  }

  @Test
  void readAt_skipBeyondTheBudget_refusesInsteadOfAWrongPage() {
    PageReader reader = new PageReader(new IndexReader(dynamo.client()));
    IndexQuery listing = query(true, Optional.empty());
    ReadBoundExceededException e = assertThrows(ReadBoundExceededException.class,
        () -> reader.read(listing, Cursor.atOffset(300), 10, new ReadBudget(16, 250)));
    assertEquals(ReadBoundExceededException.Stage.SKIPPING, e.stage());
    Page<Hit> within = reader.read(listing, Cursor.atOffset(200), 10, new ReadBudget(16, 250));
    assertEquals(expected(true, Optional.empty()).subList(200, 210), ids(within));
  }

  private static void assertSamePage(Page<Hit> expected, Page<Hit> actual, String label) {
    assertEquals(ids(expected), ids(actual), label);
    assertEquals(expected.position(), actual.position(), label);
    assertEquals(expected.next().isPresent(), actual.next().isPresent(), label);
    assertEquals(expected.previous().isPresent(), actual.previous().isPresent(), label);
    assertEquals(expected.next().map(Cursor::position), actual.next().map(Cursor::position), label);
  }
}
