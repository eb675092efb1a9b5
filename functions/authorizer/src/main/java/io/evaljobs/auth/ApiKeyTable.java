package io.evaljobs.auth;

import io.evaljobs.dynamodb.KeyParts;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.tenant.Tenant;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The key layout and item mapping of the API keys table (ApiKeysTable in template.yaml), used by the authorizer
 * and the admin operations alike. A key's item is keyed by the SHA-256 of the secret; the secret itself is never
 * stored. Beside it, written in the same transaction, a key id item ({@code key_hash} = {@code key_id#<id>}) names
 * the key item's hash, so revoking by key id is two strongly consistent reads by primary key, never an index read.
 * The key id item holds no {@code key_id}, {@code api} or {@code created_sk}, so neither index lists it.
 */
final class ApiKeyTable {
  static final String KEY_HASH = "key_hash";
  static final String KEY_ID = "key_id";
  static final String API = "api";
  static final String ORGANIZATION = "organization";
  static final String CUSTOMER_ID = "customer_id";
  static final String PROJECT_ID = "project_id";
  static final String NAME = "name";
  static final String STATUS = "status";
  static final String CREATED_AT = "created_at";
  static final String CREATED_SK = "created_sk";
  static final String REVOKED_AT = "revoked_at";
  static final String EXPIRES_AT = "expires_at";
  /** On a key id item: the {@code key_hash} of the key item it names. */
  static final String KEY_ITEM_HASH = "key_item_hash";
  static final String KEY_ID_ITEM_PREFIX = "key_id#";

  /** Positions of the two puts in {@link #putNew}, as its cancellation reasons report them. */
  static final int KEY_ITEM = 0;
  static final int KEY_ID_ITEM = 1;

  static final String KEY_ID_INDEX = "key-id";
  static final String API_CREATED_INDEX = "api-created";

  private static final String ACTIVE = "active";
  private static final String REVOKED = "revoked";

  private final String tableName;

  ApiKeyTable(String tableName) {
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalArgumentException("the API keys table name must not be blank");
    }
    this.tableName = tableName;
  }

  GetItemRequest get(KeyHash hash) {
    return GetItemRequest.builder().tableName(tableName).key(key(hash)).consistentRead(true).build();
  }

  /**
   * The key item and its key id item, both or neither. Refuses to overwrite either: two keys with one secret would
   * make the secret ambiguous, two with one id the revocation.
   */
  TransactWriteItemsRequest putNew(KeyHash hash, ApiKeyRecord record) {
    return TransactWriteItemsRequest.builder()
        .transactItems(
            TransactWriteItem.builder().put(newItem(item(hash, record))).build(),
            TransactWriteItem.builder().put(newItem(keyIdItem(record.keyId(), hash))).build())
        .build();
  }

  private Put newItem(Map<String, AttributeValue> item) {
    return Put.builder()
        .tableName(tableName)
        .item(item)
        .conditionExpression("attribute_not_exists(#h)")
        .expressionAttributeNames(Map.of("#h", KEY_HASH))
        .build();
  }

  /** The key id item of this key id, read strongly consistently. */
  GetItemRequest getKeyIdItem(String keyId) {
    return GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(KEY_HASH, s(KEY_ID_ITEM_PREFIX + keyId)))
        .consistentRead(true)
        .build();
  }

  Map<String, AttributeValue> keyIdItem(String keyId, KeyHash hash) {
    return Map.of(KEY_HASH, s(KEY_ID_ITEM_PREFIX + keyId), KEY_ITEM_HASH, s(hash.hex()));
  }

  /** The hash of the key item a key id item names; throws {@link IllegalStateException} for any other item. */
  KeyHash keyItemHash(Map<String, AttributeValue> keyIdItem) {
    try {
      return new KeyHash(text(keyIdItem, KEY_ITEM_HASH));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored key id item is malformed", e);
    }
  }

  QueryRequest newestFirst(ApiName api, Map<String, AttributeValue> exclusiveStartKey) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(API_CREATED_INDEX)
            .keyConditionExpression("#api = :api")
            .expressionAttributeNames(Map.of("#api", API))
            .expressionAttributeValues(Map.of(":api", s(api.wireName())))
            .scanIndexForward(false);
    if (!exclusiveStartKey.isEmpty()) {
      query.exclusiveStartKey(exclusiveStartKey);
    }
    return query.build();
  }

  QueryRequest byKeyId(String keyId, Map<String, AttributeValue> exclusiveStartKey) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(KEY_ID_INDEX)
            .keyConditionExpression("#id = :id")
            .expressionAttributeNames(Map.of("#id", KEY_ID))
            .expressionAttributeValues(Map.of(":id", s(keyId)));
    if (!exclusiveStartKey.isEmpty()) {
      query.exclusiveStartKey(exclusiveStartKey);
    }
    return query.build();
  }

  /** Revokes the key item found through the key-id index (keys stored before key id items existed). */
  UpdateItemRequest revoke(Map<String, AttributeValue> item, Instant at) {
    AttributeValue hash = item.get(KEY_HASH);
    if (hash == null || hash.s() == null) {
      throw new IllegalStateException("stored API key item has no " + KEY_HASH);
    }
    return revoke(new KeyHash(hash.s()), at);
  }

  /** Keeps the first revocation time when revoked again; fails if the item vanished meanwhile. */
  UpdateItemRequest revoke(KeyHash hash, Instant at) {
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(key(hash))
        .updateExpression("SET #status = :revoked, #revokedAt = if_not_exists(#revokedAt, :at)")
        .conditionExpression("attribute_exists(#h)")
        .expressionAttributeNames(Map.of("#status", STATUS, "#revokedAt", REVOKED_AT, "#h", KEY_HASH))
        .expressionAttributeValues(Map.of(":revoked", s(REVOKED), ":at", s(at.toString())))
        .build();
  }

  Map<String, AttributeValue> item(KeyHash hash, ApiKeyRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(KEY_HASH, s(hash.hex()));
    item.put(KEY_ID, s(record.keyId()));
    item.put(API, s(record.api().wireName()));
    record.tenant().authorizerContext().forEach((name, value) -> item.put(name, s(value)));
    item.put(NAME, s(record.name()));
    item.put(STATUS, s(record.revoked() ? REVOKED : ACTIVE));
    item.put(CREATED_AT, s(record.createdAt().toString()));
    item.put(CREATED_SK, s(KeyParts.join(SortableValues.timestamp(record.createdAt()), record.keyId())));
    record.revokedAt().ifPresent(at -> item.put(REVOKED_AT, s(at.toString())));
    record.expiresAt().ifPresent(at -> item.put(EXPIRES_AT, s(at.toString())));
    return Map.copyOf(item);
  }

  /** Throws {@link IllegalStateException} for an item this layout did not write. */
  ApiKeyRecord record(Map<String, AttributeValue> item) {
    try {
      ApiName api =
          ApiName.forWireName(text(item, API))
              .orElseThrow(() -> new IllegalStateException("stored API key item has an unknown api"));
      Tenant tenant =
          api == ApiName.EVALUATIONS
              ? new Tenant.Organization(text(item, ORGANIZATION))
              : new Tenant.CustomerProject(text(item, CUSTOMER_ID), text(item, PROJECT_ID));
      String status = text(item, STATUS);
      if (!status.equals(ACTIVE) && !status.equals(REVOKED)) {
        throw new IllegalStateException("stored API key item has an unknown status");
      }
      Optional<Instant> revokedAt = optionalText(item, REVOKED_AT).map(Instant::parse);
      Optional<Instant> expiresAt = optionalText(item, EXPIRES_AT).map(Instant::parse);
      return new ApiKeyRecord(
          text(item, KEY_ID),
          api,
          tenant,
          optionalText(item, NAME).orElse(""),
          status.equals(REVOKED),
          Instant.parse(text(item, CREATED_AT)),
          revokedAt,
          expiresAt);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalStateException("stored API key item is malformed", e);
    }
  }

  private static Map<String, AttributeValue> key(KeyHash hash) {
    return Map.of(KEY_HASH, s(hash.hex()));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    return optionalText(item, name)
        .orElseThrow(() -> new IllegalStateException("stored API key item has no " + name));
  }

  private static Optional<String> optionalText(Map<String, AttributeValue> item, String name) {
    return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
