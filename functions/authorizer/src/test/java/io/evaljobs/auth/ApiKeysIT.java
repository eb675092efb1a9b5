package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.testing.CountingDynamoDb;
import io.evaljobs.testing.JsonTree;
import io.evaljobs.testing.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ApiKeysIT {
  private static final AtomicInteger TABLE_SETS = new AtomicInteger();
  private static EmbeddedDynamoDb dynamo;
  private static TemplateTables tables;

  private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private String tableName;
  private ApiKeys keys;

  @BeforeAll
  static void startDynamoDb() {
    dynamo = EmbeddedDynamoDb.start();
    tables = TemplateTables.load();
  }

  @AfterAll
  static void stopDynamoDb() {
    dynamo.close();
  }

  @BeforeEach
  void createTables() {
    int set = TABLE_SETS.incrementAndGet();
    tableName = TableProvisioner.createAll(dynamo.client(), tables, id -> "s" + set + "-" + id).get("ApiKeysTable");
    keys = new ApiKeys(dynamo.client(), tableName, new KeySecrets(new SecureRandom()), clock);
  }

  @Test
  void create_thenList_returnsEveryKeyOfTheApiNewestFirst() {
    Random random = new Random(7L);
    List<ApiKeyRecord> created = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Few distinct instants, so equal creation times (ordered by key id) occur too.
      clock.set(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(10) * 3600L)
          .plusNanos(random.nextInt(3) * 1_000L));
      ApiName api = random.nextBoolean() ? ApiName.EVALUATIONS : ApiName.SCORING;
      Tenant tenant = api == ApiName.EVALUATIONS
          ? new Tenant.Organization("org-" + random.nextInt(3))
          : new Tenant.CustomerProject("cust-" + random.nextInt(3), "proj-" + random.nextInt(3));
      created.add(keys.create(api, tenant, "key " + i).record());
    }

    for (ApiName api : ApiName.values()) {
      List<ApiKeyRecord> expected = created.stream()
          .filter(record -> record.api() == api)
          .sorted(Comparator.comparing(ApiKeyRecord::createdAt)
              .thenComparing((a, b) -> utf8(a.keyId(), b.keyId()))
              .reversed())
          .toList();
      assertFalse(expected.isEmpty());
      assertEquals(expected, keys.list(api), api.wireName());
    }
  }

  @Test
  void create_returnsAUsableKeyAndStoresOnlyItsHash() {
    IssuedKey issued = keys.create(ApiName.SCORING, new Tenant.CustomerProject("c1", "p1"), "ci");

    assertTrue(issued.plaintextKey().startsWith("ej_score_"));
    assertTrue(issued.keyId().matches("[a-z2-7]{12}"));
    assertEquals(issued.keyId(), issued.record().keyId());
    Map<String, AttributeValue> item = dynamo.client()
        .getItem(b -> b.tableName(tableName)
            .key(Map.of("key_hash", AttributeValue.fromS(KeyHash.of(issued.plaintextKey()).hex()))))
        .item();
    assertEquals(issued.keyId(), item.get("key_id").s());
    assertTrue(item.values().stream().noneMatch(v -> v.s() != null && v.s().contains(issued.plaintextKey())));
    assertTrue(item.values().stream()
        .noneMatch(v -> v.s() != null && v.s().contains(issued.plaintextKey().substring(9))));
  }

  @Test
  void list_moreKeysThanOneQueryPage_readsEveryPage() {
    CountingDynamoDb counting = CountingDynamoDb.passingThrough(dynamo.client());
    ApiKeys counted = new ApiKeys(counting, tableName, new KeySecrets(new SecureRandom()), clock);
    String bulky = "n".repeat(150_000);
    for (int i = 0; i < 10; i++) {
      clock.set(Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i));
      counted.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), bulky + i);
    }

    List<ApiKeyRecord> listed = counted.list(ApiName.EVALUATIONS);

    assertEquals(10, listed.size());
    assertTrue(counting.queries() > 1, "1.5 MB of keys cannot come back in one query page");
    for (int i = 0; i < 10; i++) {
      assertEquals(bulky + (9 - i), listed.get(i).name());
    }
  }

  @Test
  void createWithSecret_sameSecretTwice_refusesTheSecondAndKeepsTheFirst() {
    String secret = "ej_eval_demo_fixed_secret_for_the_duplicate_te00000";
    IssuedKey first = keys.createWithSecret(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "demo", secret);

    assertThrows(DuplicateApiKeyException.class,
        () -> keys.createWithSecret(ApiName.SCORING, new Tenant.CustomerProject("x", "y"), "other", secret));
    assertEquals(List.of(first.record()), keys.list(ApiName.EVALUATIONS));
    assertEquals(List.of(), keys.list(ApiName.SCORING));
  }

  @Test
  void createWithSecret_blankSecretOrMismatchedTenant_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> keys.createWithSecret(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "n", " "));
    assertThrows(IllegalArgumentException.class,
        () -> keys.createWithSecret(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "n", "ej_eval_short"));
    assertThrows(IllegalArgumentException.class,
        () -> keys.create(ApiName.EVALUATIONS, new Tenant.CustomerProject("c", "p"), "n"));
    assertEquals(List.of(), keys.list(ApiName.EVALUATIONS));
  }

  @Test
  void revoke_knownKey_marksItRevokedAndKeepsTheFirstRevocationTime() {
    IssuedKey kept = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "kept");
    IssuedKey revoked = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "revoked");
    Instant firstRevocation = Instant.parse("2026-06-02T08:00:00.123456Z");
    clock.set(firstRevocation);

    assertTrue(keys.revoke(revoked.keyId()));
    clock.set(firstRevocation.plus(1, ChronoUnit.DAYS));
    assertTrue(keys.revoke(revoked.keyId()));

    Map<String, ApiKeyRecord> byId = new java.util.HashMap<>();
    keys.list(ApiName.EVALUATIONS).forEach(record -> byId.put(record.keyId(), record));
    assertFalse(byId.get(kept.keyId()).revoked());
    assertEquals(Optional.empty(), byId.get(kept.keyId()).revokedAt());
    assertTrue(byId.get(revoked.keyId()).revoked());
    assertEquals(Optional.of(firstRevocation), byId.get(revoked.keyId()).revokedAt());
  }

  @Test
  void revoke_rightAfterCreate_revokesThroughPrimaryKeysWithoutAnIndexRead() throws IOException {
    CountingDynamoDb counting = CountingDynamoDb.passingThrough(dynamo.client());
    ApiKeys counted = new ApiKeys(counting, tableName, new KeySecrets(new SecureRandom()), clock);
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), tableName);

    for (int i = 0; i < 20; i++) {
      IssuedKey issued = counted.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "k" + i);
      assertTrue(counted.revoke(issued.keyId()), "revoked at once");
      Map<String, Object> policy =
          invoke(handler, AuthorizerEvents.evaluations(Map.of("X-API-Key", issued.plaintextKey())));
      assertEquals("Deny", effect(policy));
    }
    assertEquals(0, counting.queries(), "no index (eventually consistent) was read");
  }

  @Test
  void create_storesAKeyIdItemThatNeitherIndexLists() {
    IssuedKey issued = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "n");

    Map<String, AttributeValue> idItem = dynamo.client()
        .getItem(b -> b.tableName(tableName).key(Map.of("key_hash", AttributeValue.fromS("key_id#" + issued.keyId()))))
        .item();
    assertEquals(Map.of("key_hash", AttributeValue.fromS("key_id#" + issued.keyId()),
        "key_item_hash", AttributeValue.fromS(KeyHash.of(issued.plaintextKey()).hex())), idItem);
    assertEquals(List.of(issued.record()), keys.list(ApiName.EVALUATIONS));
    assertEquals(2, dynamo.client().scan(b -> b.tableName(tableName)).count());
  }

  @Test
  void revoke_keyStoredWithoutAKeyIdItem_isFoundThroughTheIndex() {
    ApiKeyTable table = new ApiKeyTable(tableName);
    ApiKeyRecord older = new ApiKeyRecord("olderkey2345", ApiName.EVALUATIONS, new Tenant.Organization("acme"),
        "stored by an earlier version", false, Instant.parse("2025-01-01T00:00:00Z"), Optional.empty());
    KeyHash hash = KeyHash.of(new KeySecrets(new SecureRandom()).newSecret(ApiName.EVALUATIONS));
    dynamo.client().putItem(b -> b.tableName(tableName).item(table.item(hash, older)));

    assertTrue(keys.revoke("olderkey2345"));

    assertTrue(keys.list(ApiName.EVALUATIONS).get(0).revoked());
  }

  @Test
  void create_withExpiry_storesItListsItAndTheAuthorizerDeniesTheKeyFromThen() throws IOException {
    Instant expiry = clock.instant().plus(90, ChronoUnit.DAYS);
    IssuedKey issued =
        keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "expiring", Optional.of(expiry));
    String event = AuthorizerEvents.evaluations(Map.of("X-API-Key", issued.plaintextKey()));
    SettableClock authorizerClock = new SettableClock(expiry.minusSeconds(1));
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(
        new DynamoDbApiKeyLookup(dynamo.client(), new ApiKeyTable(tableName)), authorizerClock);

    assertEquals(Optional.of(expiry), keys.list(ApiName.EVALUATIONS).get(0).expiresAt());
    assertEquals(issued.record(), keys.list(ApiName.EVALUATIONS).get(0));
    assertEquals("Allow", effect(invoke(handler, event)));
    authorizerClock.set(expiry);
    Map<String, Object> policy = invoke(handler, event);
    assertEquals("Deny", effect(policy));
    assertFalse(policy.containsKey("context"));
  }

  @Test
  void create_expiryNotInTheFuture_isRefusedAndStoresNothing() {
    Tenant acme = new Tenant.Organization("acme");
    assertThrows(IllegalArgumentException.class,
        () -> keys.create(ApiName.EVALUATIONS, acme, "n", Optional.of(clock.instant())));
    assertThrows(IllegalArgumentException.class,
        () -> keys.create(ApiName.EVALUATIONS, acme, "n", Optional.of(clock.instant().minusSeconds(1))));
    assertEquals(List.of(), keys.list(ApiName.EVALUATIONS));
  }

  @Test
  void revoke_unknownKeyId_returnsFalseAndChangesNothing() {
    IssuedKey issued = keys.create(ApiName.SCORING, new Tenant.CustomerProject("c", "p"), "n");

    assertFalse(keys.revoke("nosuchkey234"));
    assertFalse(keys.revoke(""));
    assertEquals(List.of(issued.record()), keys.list(ApiName.SCORING));
  }

  @Test
  void authorizer_endToEnd_allowsEachApisOwnKeysWithTheirTenant() throws IOException {
    IssuedKey eval = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "eval");
    IssuedKey score = keys.create(ApiName.SCORING, new Tenant.CustomerProject("cust-1", "proj-2"), "score");
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), tableName);

    Map<String, Object> evalPolicy =
        invoke(handler, AuthorizerEvents.evaluations(Map.of("x-api-key", eval.plaintextKey())));
    Map<String, Object> scorePolicy =
        invoke(handler, AuthorizerEvents.scoring(Map.of("Meibel-API-Key", score.plaintextKey())));

    assertEquals(eval.keyId(), evalPolicy.get("principalId"));
    assertEquals("Allow", effect(evalPolicy));
    assertEquals(Map.of("api", "evaluations", "key_id", eval.keyId(), "organization", "acme"),
        evalPolicy.get("context"));
    assertEquals(score.keyId(), scorePolicy.get("principalId"));
    assertEquals("Allow", effect(scorePolicy));
    assertEquals(Map.of("api", "scoring", "key_id", score.keyId(), "customer_id", "cust-1", "project_id", "proj-2"),
        scorePolicy.get("context"));
  }

  @Test
  void authorizer_endToEnd_deniesTheOtherApisKeyAndRefusesUnknownKeys() throws IOException {
    IssuedKey eval = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "eval");
    IssuedKey score = keys.create(ApiName.SCORING, new Tenant.CustomerProject("c", "p"), "score");
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), tableName);

    assertEquals("Deny", effect(invoke(handler, AuthorizerEvents.scoring(Map.of("Meibel-API-Key",
        eval.plaintextKey())))));
    assertEquals("Deny", effect(invoke(handler, AuthorizerEvents.evaluations(Map.of("X-API-Key",
        score.plaintextKey())))));
    String unknown = new KeySecrets(new SecureRandom()).newSecret(ApiName.EVALUATIONS);
    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> invoke(handler, AuthorizerEvents.evaluations(Map.of("X-API-Key", unknown))));
    assertEquals("Unauthorized", e.getMessage());
  }

  @Test
  void authorizer_afterRevoke_deniesTheKey() throws IOException {
    IssuedKey eval = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "eval");
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), tableName);
    String event = AuthorizerEvents.evaluations(Map.of("X-API-Key", eval.plaintextKey()));
    assertEquals("Allow", effect(invoke(handler, event)));

    assertTrue(keys.revoke(eval.keyId()));

    Map<String, Object> policy = invoke(handler, event);
    assertEquals("Deny", effect(policy));
    assertEquals(eval.keyId(), policy.get("principalId"));
    assertFalse(policy.containsKey("context"));
  }

  @Test
  void authorizer_missingTable_failsWithAnErrorOtherThanUnauthorized() {
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), "no-such-table");

    RuntimeException e = assertThrows(RuntimeException.class,
        () -> invoke(handler, AuthorizerEvents.evaluations(Map.of("X-API-Key",
            new KeySecrets(new SecureRandom()).newSecret(ApiName.EVALUATIONS)))));
    assertInstanceOf(KeyLookupFailedException.class, e);
    assertNotEquals("Unauthorized", e.getMessage());
  }

  private static Map<String, Object> invoke(ApiKeyAuthorizerHandler handler, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(AuthorizerEvents.stream(event), out, new RecordingContext());
    return JsonTree.object(out.toString(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static String effect(Map<String, Object> policy) {
    Map<String, Object> document = (Map<String, Object>) policy.get("policyDocument");
    return (String) ((Map<String, Object>) ((List<Object>) document.get("Statement")).get(0)).get("Effect");
  }

  private static int utf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
