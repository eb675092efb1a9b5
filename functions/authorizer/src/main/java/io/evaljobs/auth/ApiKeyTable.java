package io.evaljobs.auth;

import io.evaljobs.dynamodb.KeyParts;
import io.evaljobs.dynamodb.SortableValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The key layout and item mapping of the API keys table (ApiKeysTable in template.yaml), used by the authorizer
 * and the admin operations alike. Items are keyed by the SHA-256 of the secret; the secret itself is never stored.
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

  /** Refuses to overwrite: two keys with one secret would make the secret ambiguous. */
  PutItemRequest putNew(KeyHash hash, ApiKeyRecord record) {
    return PutItemRequest.builder()
        .tableName(tableName)
        .item(item(hash, record))
        .conditionExpression("attribute_not_exists(#h)")
        .expressionAttributeNames(Map.of("#h", KEY_HASH))
        .build();
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

  /** Keeps the first revocation time when revoked again; fails if the item vanished meanwhile. */
  UpdateItemRequest revoke(Map<String, AttributeValue> item, Instant at) {
    AttributeValue hash = item.get(KEY_HASH);
    if (hash == null || hash.s() == null) {
      throw new IllegalStateException("stored API key item has no " + KEY_HASH);
    }
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(KEY_HASH, hash))
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
      return new ApiKeyRecord(
          text(item, KEY_ID),
          api,
          tenant,
          optionalText(item, NAME).orElse(""),
          status.equals(REVOKED),
          Instant.parse(text(item, CREATED_AT)),
          revokedAt);
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
