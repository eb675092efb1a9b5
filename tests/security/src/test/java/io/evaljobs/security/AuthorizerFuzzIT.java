package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiKeyFormat;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.IssuedKey;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.auth.UnauthorizedException;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * 100,000 generated authorizer events: keys are looked up by their SHA-256 only, and only when they have the key
 * format; only an active, unexpired key of the API being called is allowed (with exactly its tenant, for that API's
 * GET route alone), and every other input is "Unauthorized" or an explicit Deny.
 */
class AuthorizerFuzzIT {
  private static final long SEED = 401_2023L;
  private static final int REQUESTS = 100_000;
  private static final String KEYS_TABLE = "ApiKeysTable";

  /** An issued key and what the authorizer must answer for it; a refused key is revoked or expired. */
  private record Key(String secret, ApiName api, boolean refused, Map<String, String> tenantContext) {}

  private static final String ROUTE_PREFIX = "arn:aws:execute-api:eu-west-1:111122223333:abc123defg/v1/GET";

  @Test
  void authorizer_100000HostileEvents_allowOnlyActiveKeysOfTheirOwnApiAndLookUpHashesOnly() throws Exception {
    List<Key> keys = new ArrayList<>();
    ApiKeyTableDouble table = new ApiKeyTableDouble();
    try (EmbeddedDynamoDb database = EmbeddedDynamoDb.start()) {
      Deployment.on(database);
      ApiKeys admin = new ApiKeys(database.client(), KEYS_TABLE);
      for (int i = 0; i < 8; i++) {
        boolean evaluations = i % 2 == 0;
        Tenant tenant = evaluations ? new Tenant.Organization("org#" + i) : new Tenant.CustomerProject("a#" + i, "b");
        IssuedKey issued = admin.create(evaluations ? ApiName.EVALUATIONS : ApiName.SCORING, tenant, "key " + i);
        boolean revoked = i == 4 || i == 5;
        boolean expired = i >= 6;
        if (revoked) {
          assertTrue(admin.revoke(issued.keyId()));
        }
        keys.add(new Key(issued.plaintextKey(), evaluations ? ApiName.EVALUATIONS : ApiName.SCORING,
            revoked || expired, tenant.authorizerContext()));
        // The handler under test reads an in-memory copy of the stored item, which records every lookup.
        Map<String, AttributeValue> item = new LinkedHashMap<>(database.client().getItem(GetItemRequest.builder()
            .tableName(KEYS_TABLE)
            .key(Map.of("key_hash", AttributeValue.fromS(sha256(issued.plaintextKey())))).build()).item());
        if (expired) {
          // Stored as one that expired a while ago: an expiry in the past cannot be issued.
          item.put("expires_at", AttributeValue.fromS("2020-01-01T00:00:00Z"));
        }
        table.put(item);
      }
    }
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(table, KEYS_TABLE);
    Random random = new Random(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    String logs;
    try (CapturedOutput output = CapturedOutput.start()) {
      run(handler, table, keys, random, outcomes);
      logs = output.text();
    }
    for (Key key : keys) {
      assertTrue(!logs.contains(key.secret()), "a key was written to the logs");
    }
    assertTrue(logs.contains("authorizer: allow"), "the decisions were logged, and captured");
    System.out.println("fuzz authorizer: " + REQUESTS + " requests, " + outcomes + ", " + table.lookups().size()
        + " key lookups by hash, " + logs.length() + " log characters free of keys");
    assertTrue(outcomes.getOrDefault("allow", 0) > 100 && outcomes.getOrDefault("deny", 0) > 100, outcomes.toString());
  }

  private static void run(
      ApiKeyAuthorizerHandler handler, ApiKeyTableDouble table, List<Key> keys, Random random,
      Map<String, Integer> outcomes) throws Exception {
    AtomicInteger malformedOnly = new AtomicInteger();
    for (int n = 0; n < REQUESTS; n++) {
      boolean evaluationsApi = random.nextBoolean();
      Map<String, String> headers = new LinkedHashMap<>();
      int headerCount = random.nextInt(3);
      for (int h = 0; h < headerCount; h++) {
        headers.put(headerName(random, evaluationsApi), keyLike(random, keys));
      }
      String event = evaluationsApi ? AuthorizerEvent.evaluations(headers) : AuthorizerEvent.scoring(headers);
      if (random.nextInt(20) == 0) {
        event = event.substring(0, random.nextInt(event.length()));
      }
      String where = "seed " + SEED + ", case " + n + ": " + event;
      int lookupsBefore = table.lookups().size();
      String outcome = decide(handler, event, where);
      outcomes.merge(outcome.startsWith("Allow") ? "allow" : outcome.startsWith("Deny") ? "deny" : outcome, 1,
          Integer::sum);
      for (Map<String, AttributeValue> lookup : table.lookups().subList(lookupsBefore, table.lookups().size())) {
        assertEquals(List.of("key_hash"), List.copyOf(lookup.keySet()), where);
        String hash = lookup.get("key_hash").s();
        assertTrue(hash.matches("[0-9a-f]{64}"), where + ": looked up by " + hash);
        assertTrue(headers.values().stream().anyMatch(v -> sha256(v).equals(hash) && ApiKeyFormat.isWellFormed(v)),
            where + ": the lookup is the SHA-256 of a presented value of the key format");
      }
      if (headers.values().stream().noneMatch(ApiKeyFormat::isWellFormed)) {
        assertEquals(lookupsBefore, table.lookups().size(), where + ": a malformed key was looked up");
        malformedOnly.incrementAndGet();
      }
      for (Key key : keys) {
        assertTrue(!outcome.contains(key.secret()), where + ": a key in the answer");
      }
      if (outcome.startsWith("Allow")) {
        ApiName api = evaluationsApi ? ApiName.EVALUATIONS : ApiName.SCORING;
        Key allowed = keys.stream()
            .filter(k -> !k.refused() && k.api() == api && presented(headers, api).equals(Set.of(k.secret())))
            .findFirst()
            .orElseThrow(() -> new AssertionError(where + ": allowed without an active key of this API"));
        JsonNode answer = ProxyResponse.MAPPER.readTree(outcome.substring("Allow".length()));
        assertEquals(ROUTE_PREFIX + api.path(),
            answer.path("policyDocument").path("Statement").path(0).path("Resource").path(0).asText(),
            where + ": the Allow names the API's GET route alone");
        JsonNode context = answer.path("context");
        allowed.tenantContext().forEach((name, value) ->
            assertEquals(value, context.path(name).asText(), where + ": context " + name));
        for (String foreign : List.of("organization", "customer_id", "project_id")) {
          if (!allowed.tenantContext().containsKey(foreign)) {
            assertTrue(context.path(foreign).isMissingNode(), where + ": context holds " + foreign);
          }
        }
      }
    }
    assertTrue(malformedOnly.get() > 1_000, "requests without a key of the key format: " + malformedOnly.get());
  }

  private static String decide(ApiKeyAuthorizerHandler handler, String event, String where) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (UnauthorizedException e) {
      assertEquals("Unauthorized", e.getMessage(), where);
      return "unauthorized";
    }
    JsonNode policy = ProxyResponse.MAPPER.readTree(out.toByteArray());
    String effect = policy.path("policyDocument").path("Statement").path(0).path("Effect").asText();
    assertTrue(effect.equals("Allow") || effect.equals("Deny"), where + ": effect " + effect);
    return effect + out.toString(StandardCharsets.UTF_8);
  }

  /** Header names are case-insensitive; several different values in the key header make no usable key. */
  private static Set<String> presented(Map<String, String> headers, ApiName api) {
    Set<String> values = new HashSet<>();
    headers.forEach((name, value) -> {
      if (name.equalsIgnoreCase(api.headerName())) {
        values.add(value);
      }
    });
    return values;
  }

  private static String headerName(Random random, boolean evaluationsApi) {
    List<String> names =
        List.of("X-API-Key", "x-api-key", "X-Api-Key", "Meibel-API-Key", "meibel-api-key", "Authorization",
            "X-API-Key ", "X_API_Key");
    // Mostly the header of the API being called, sometimes the other API's.
    if (random.nextInt(3) > 0) {
      return evaluationsApi ? "X-API-Key" : "Meibel-API-Key";
    }
    return names.get(random.nextInt(names.size()));
  }

  private static String keyLike(Random random, List<Key> keys) {
    String key = keys.get(random.nextInt(keys.size())).secret();
    switch (random.nextInt(8)) {
      case 0:
      case 1:
      case 2:
        return key;
      case 3:
        return TokenMutations.flipped(key, random);
      case 4:
        return random.nextBoolean() ? " " + key : key + "\t";
      case 5:
        return key.substring(0, 1 + random.nextInt(key.length() - 1));
      case 6:
        return random.nextBoolean()
            ? key + "," + keys.get(random.nextInt(keys.size())).secret()
            : ApiKeyFormat.prefix(random.nextBoolean() ? ApiName.EVALUATIONS : ApiName.SCORING)
                + HostileText.randomBase64Url(random, ApiKeyFormat.BODY_LENGTH);
      default:
        return HostileText.any(random);
    }
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
