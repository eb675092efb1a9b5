package io.evaljobs.auth;

import io.evaljobs.tenant.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Issues, lists and revokes API keys: the administration side of the authorizer's key table. */
public final class ApiKeys {
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final int MAX_KEY_ID_DRAWS = 3;
  /** Far above the 12 characters of an issued key id; keeps any argument within DynamoDB's key size. */
  private static final int MAX_KEY_ID_LENGTH = 256;

  private final DynamoDbClient dynamo;
  private final ApiKeyTable table;
  private final KeySecrets secrets;
  private final Clock clock;

  public ApiKeys(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, new KeySecrets(new SecureRandom()), Clock.systemUTC());
  }

  ApiKeys(DynamoDbClient dynamo, String tableName, KeySecrets secrets, Clock clock) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = new ApiKeyTable(tableName);
    this.secrets = secrets;
    this.clock = clock;
  }

  /** Stores a key that never expires, with a fresh random secret; the returned plaintext is the only copy. */
  public IssuedKey create(ApiName api, Tenant tenant, String name) {
    return create(api, tenant, name, Optional.empty());
  }

  /**
   * Stores a key with a fresh random secret, which stops working at {@code expiresAt} when one is given; the returned
   * plaintext is the only copy. An expiry that is not in the future is refused.
   */
  public IssuedKey create(ApiName api, Tenant tenant, String name, Optional<Instant> expiresAt) {
    return store(api, tenant, name, secrets.newSecret(api), expiresAt);
  }

  /**
   * Stores a key with a chosen secret, for fixed demo keys of a local setup; the secret must have the shape of
   * {@link ApiKeyFormat}. Throws {@link DuplicateApiKeyException} when a key with this secret already exists.
   */
  public IssuedKey createWithSecret(ApiName api, Tenant tenant, String name, String plaintextKey) {
    return store(api, tenant, name, plaintextKey, Optional.empty());
  }

  private IssuedKey store(
      ApiName api, Tenant tenant, String name, String plaintextKey, Optional<Instant> expiresAt) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (plaintextKey == null || !ApiKeyFormat.isWellFormed(plaintextKey)) {
      throw new IllegalArgumentException(
          "an API key secret is an API's prefix and " + ApiKeyFormat.BODY_LENGTH + " base64url characters");
    }
    Instant now = now();
    Optional<Instant> expiry = expiresAt.map(at -> at.truncatedTo(ChronoUnit.MICROS));
    if (expiry.isPresent() && !expiry.get().isAfter(now)) {
      throw new IllegalArgumentException("the expiry " + expiry.get() + " is not in the future");
    }
    KeyHash hash = KeyHash.of(plaintextKey);
    for (int attempt = 1; ; attempt++) {
      ApiKeyRecord record =
          new ApiKeyRecord(secrets.newKeyId(), api, tenant, name, false, now, Optional.empty(), expiry);
      try {
        dynamo.transactWriteItems(table.putNew(hash, record));
        return new IssuedKey(record.keyId(), plaintextKey, record);
      } catch (TransactionCanceledException e) {
        if (conditionFailed(e, ApiKeyTable.KEY_ITEM)) {
          throw new DuplicateApiKeyException("an API key with this secret already exists");
        }
        // A drawn key id already taken (60 random bits: all but impossible) is drawn again.
        if (!conditionFailed(e, ApiKeyTable.KEY_ID_ITEM) || attempt == MAX_KEY_ID_DRAWS) {
          throw e;
        }
      }
    }
  }

  private static boolean conditionFailed(TransactionCanceledException e, int position) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().size() > position
        && CONDITION_FAILED.equals(e.cancellationReasons().get(position).code());
  }

  /** The API's keys, revoked ones included, newest first. */
  public List<ApiKeyRecord> list(ApiName api) {
    List<ApiKeyRecord> records = new ArrayList<>();
    Map<String, AttributeValue> start = Map.of();
    do {
      QueryResponse page = dynamo.query(table.newestFirst(api, start));
      page.items().forEach(item -> records.add(table.record(item)));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
    } while (!start.isEmpty());
    return List.copyOf(records);
  }

  /**
   * Marks the key revoked (keeping the first revocation time); false when no key has this id. Reads the key id item
   * by its primary key, strongly consistently, so a key can be revoked the moment it was created.
   */
  public boolean revoke(String keyId) {
    if (keyId == null || keyId.isBlank() || keyId.length() > MAX_KEY_ID_LENGTH) {
      return false;
    }
    GetItemResponse idItem = dynamo.getItem(table.getKeyIdItem(keyId));
    if (!idItem.hasItem() || idItem.item().isEmpty()) {
      return revokeWithoutKeyIdItem(keyId);
    }
    try {
      dynamo.updateItem(table.revoke(table.keyItemHash(idItem.item()), now()));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Keys stored before key id items existed are found through the key-id index. A key stored since always has its
   * key id item, so this path never decides about a key that was just created.
   */
  private boolean revokeWithoutKeyIdItem(String keyId) {
    boolean found = false;
    Map<String, AttributeValue> start = Map.of();
    do {
      QueryResponse page = dynamo.query(table.byKeyId(keyId, start));
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          dynamo.updateItem(table.revoke(item, now()));
          found = true;
        } catch (ConditionalCheckFailedException e) {
          // Deleted between the index read and the update: nothing left to revoke.
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
    } while (!start.isEmpty());
    return found;
  }

  /** Microseconds keep stored times identical whatever the resolution of the platform clock. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
