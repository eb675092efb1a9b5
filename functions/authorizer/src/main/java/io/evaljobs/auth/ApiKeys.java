package io.evaljobs.auth;

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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Issues, lists and revokes API keys: the administration side of the authorizer's key table. */
public final class ApiKeys {
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

  /** Stores a key with a fresh random secret; the returned plaintext is the only copy. */
  public IssuedKey create(ApiName api, Tenant tenant, String name) {
    return createWithSecret(api, tenant, name, secrets.newSecret(api));
  }

  /**
   * Stores a key with a chosen secret, for fixed demo keys of a local setup. Throws {@link
   * DuplicateApiKeyException} when a key with this secret already exists.
   */
  public IssuedKey createWithSecret(ApiName api, Tenant tenant, String name, String plaintextKey) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    if (plaintextKey == null || plaintextKey.isBlank()) {
      throw new IllegalArgumentException("an API key secret must not be blank");
    }
    ApiKeyRecord record =
        new ApiKeyRecord(secrets.newKeyId(), api, tenant, name, false, now(), Optional.empty());
    KeyHash hash = KeyHash.of(plaintextKey);
    try {
      dynamo.putItem(table.putNew(hash, record));
    } catch (ConditionalCheckFailedException e) {
      throw new DuplicateApiKeyException("an API key with this secret already exists");
    }
    return new IssuedKey(record.keyId(), plaintextKey, record);
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

  /** Marks the key revoked (keeping the first revocation time); false when no key has this id. */
  public boolean revoke(String keyId) {
    if (keyId == null || keyId.isBlank()) {
      return false;
    }
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
