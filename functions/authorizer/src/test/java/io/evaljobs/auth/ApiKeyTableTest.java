package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ApiKeyTableTest {
  private static final ApiKeyTable TABLE = new ApiKeyTable("keys");
  private static final KeyHash HASH = KeyHash.of("ej_eval_table_test");

  @Test
  void item_thenRecord_givesBackTheEvaluationsRecord() {
    ApiKeyRecord record = new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS, new Tenant.Organization("acme"),
        "ci key", false, Instant.parse("2026-03-04T05:06:07.123456Z"), Optional.empty());

    Map<String, AttributeValue> item = TABLE.item(HASH, record);

    assertEquals(record, TABLE.record(item));
    assertEquals(HASH.hex(), item.get("key_hash").s());
    assertEquals("evaluations", item.get("api").s());
    assertEquals("acme", item.get("organization").s());
    assertEquals("active", item.get("status").s());
    assertEquals("2026-03-04T05:06:07.123456000Z#abcdefghijkl", item.get("created_sk").s());
    assertFalse(item.containsKey("revoked_at"));
    assertFalse(item.containsKey("customer_id"));
  }

  @Test
  void item_thenRecord_givesBackTheRevokedScoringRecord() {
    ApiKeyRecord record = new ApiKeyRecord("mnopqrstuvwx", ApiName.SCORING,
        new Tenant.CustomerProject("cust#1", "proj\\2"), "", true, Instant.parse("2026-03-04T05:06:07Z"),
        Optional.of(Instant.parse("2026-05-06T07:08:09Z")));

    Map<String, AttributeValue> item = TABLE.item(HASH, record);

    assertEquals(record, TABLE.record(item));
    assertEquals("revoked", item.get("status").s());
    assertEquals("cust#1", item.get("customer_id").s());
    assertEquals("proj\\2", item.get("project_id").s());
    assertFalse(item.containsKey("organization"));
  }

  @Test
  void item_thenRecord_givesBackTheExpiry() {
    ApiKeyRecord record = new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS, new Tenant.Organization("acme"),
        "n", false, Instant.parse("2026-03-04T05:06:07Z"), Optional.empty(),
        Optional.of(Instant.parse("2026-06-02T05:06:07.5Z")));

    Map<String, AttributeValue> item = TABLE.item(HASH, record);

    assertEquals(record, TABLE.record(item));
    assertEquals("2026-06-02T05:06:07.500Z", item.get("expires_at").s());
    assertFalse(TABLE.item(HASH, new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS,
        new Tenant.Organization("acme"), "n", false, Instant.EPOCH, Optional.empty())).containsKey("expires_at"));
  }

  @Test
  void putNew_writesTheKeyItemAndItsKeyIdItemTogether_eachOnlyIfNew() {
    ApiKeyRecord record = new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS, new Tenant.Organization("acme"),
        "n", false, Instant.EPOCH, Optional.empty());

    var request = TABLE.putNew(HASH, record);

    assertEquals(2, request.transactItems().size());
    var keyItem = request.transactItems().get(ApiKeyTable.KEY_ITEM).put();
    var keyIdItem = request.transactItems().get(ApiKeyTable.KEY_ID_ITEM).put();
    assertEquals(TABLE.item(HASH, record), keyItem.item());
    assertEquals(TABLE.keyIdItem("abcdefghijkl", HASH), keyIdItem.item());
    for (var put : List.of(keyItem, keyIdItem)) {
      assertEquals("keys", put.tableName());
      assertEquals("attribute_not_exists(#h)", put.conditionExpression());
      assertEquals(Map.of("#h", "key_hash"), put.expressionAttributeNames());
    }
  }

  @Test
  void keyIdItem_isFoundByItsKeyIdStronglyConsistently_andNamesTheKeyItem() {
    Map<String, AttributeValue> item = TABLE.keyIdItem("abcdefghijkl", HASH);

    assertEquals(TABLE.getKeyIdItem("abcdefghijkl").key(), Map.of("key_hash", item.get("key_hash")));
    assertTrue(TABLE.getKeyIdItem("abcdefghijkl").consistentRead());
    assertEquals(HASH, TABLE.keyItemHash(item));
    // Neither index may list it: no key_id (key-id index), no api or created_sk (api-created index).
    assertFalse(item.containsKey("key_id") || item.containsKey("api") || item.containsKey("created_sk"));
    assertFalse(item.get("key_hash").s().matches("[0-9a-f]{64}"), "never the hash of a presented key");
    assertThrows(IllegalStateException.class, () -> TABLE.keyItemHash(Map.of()));
    assertThrows(IllegalStateException.class,
        () -> TABLE.keyItemHash(Map.of("key_item_hash", AttributeValue.fromS("not-a-hash"))));
  }

  @Test
  void item_neverHoldsThePlaintextKey() {
    String secret = "ej_eval_never_stored_secret_value";
    ApiKeyRecord record = new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS, new Tenant.Organization("acme"),
        "n", false, Instant.EPOCH, Optional.empty());

    Map<String, AttributeValue> item = TABLE.item(KeyHash.of(secret), record);

    assertTrue(item.values().stream().noneMatch(v -> v.s().contains(secret)));
  }

  @Test
  void createdSortKey_ordersLikeCreationTime() {
    Random random = new Random(20260102L);
    List<ApiKeyRecord> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Instant created = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
      records.add(new ApiKeyRecord(keyId(random), ApiName.EVALUATIONS, new Tenant.Organization("o"), "n", false,
          created, Optional.empty()));
    }
    List<ApiKeyRecord> byTime = new ArrayList<>(records);
    byTime.sort((a, b) -> {
      int byCreated = a.createdAt().compareTo(b.createdAt());
      return byCreated != 0 ? byCreated : utf8(a.keyId(), b.keyId());
    });
    List<ApiKeyRecord> bySortKey = new ArrayList<>(records);
    bySortKey.sort((a, b) -> utf8(sortKey(a), sortKey(b)));

    assertEquals(byTime, bySortKey);
  }

  @Test
  void record_itemWithUnknownApi_isRefused() {
    Map<String, AttributeValue> item = validItem();
    item.put("api", AttributeValue.fromS("billing"));

    assertThrows(IllegalStateException.class, () -> TABLE.record(item));
  }

  @Test
  void record_itemWithMissingOrBrokenAttributes_isRefused() {
    for (String attribute : List.of("key_id", "api", "organization", "status", "created_at")) {
      Map<String, AttributeValue> item = validItem();
      item.remove(attribute);
      assertThrows(IllegalStateException.class, () -> TABLE.record(item), attribute);
    }
    Map<String, AttributeValue> badStatus = validItem();
    badStatus.put("status", AttributeValue.fromS("paused"));
    assertThrows(IllegalStateException.class, () -> TABLE.record(badStatus));
    Map<String, AttributeValue> badTime = validItem();
    badTime.put("created_at", AttributeValue.fromS("yesterday"));
    assertThrows(IllegalStateException.class, () -> TABLE.record(badTime));
    Map<String, AttributeValue> numberId = validItem();
    numberId.put("key_id", AttributeValue.fromN("7"));
    assertThrows(IllegalStateException.class, () -> TABLE.record(numberId));
    Map<String, AttributeValue> blankTenant = validItem();
    blankTenant.put("organization", AttributeValue.fromS(" "));
    assertThrows(IllegalStateException.class, () -> TABLE.record(blankTenant));
  }

  @Test
  void revoke_itemWithoutKeyHash_isRefused() {
    Map<String, AttributeValue> item = validItem();
    item.remove("key_hash");

    assertThrows(IllegalStateException.class, () -> TABLE.revoke(item, Instant.EPOCH));
  }

  @Test
  void constructor_blankTableName_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ApiKeyTable(" "));
  }

  private static Map<String, AttributeValue> validItem() {
    return new HashMap<>(TABLE.item(HASH, new ApiKeyRecord("abcdefghijkl", ApiName.EVALUATIONS,
        new Tenant.Organization("acme"), "n", false, Instant.EPOCH, Optional.empty())));
  }

  private static String sortKey(ApiKeyRecord record) {
    return TABLE.item(HASH, record).get("created_sk").s();
  }

  private static String keyId(Random random) {
    char[] id = new char[12];
    for (int i = 0; i < id.length; i++) {
      id[i] = "abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32));
    }
    return new String(id);
  }

  private static int utf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
