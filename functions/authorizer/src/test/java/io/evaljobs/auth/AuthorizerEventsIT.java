package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.testing.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs every events/authorizer-*.json through the handler, the way the Lambda runtime hands it over. */
class AuthorizerEventsIT {
  /** The fixed demo keys the event files carry, and the tenant each one stands for. */
  private static final Map<String, Tenant> DEMO_KEYS = Map.of(
      "ej_eval_demo_acme_000000000000000000000000000000000", new Tenant.Organization("acme"),
      "ej_score_demo_acme_000000000000000000000000000000000", new Tenant.CustomerProject("acme", "demo"));

  @Test
  void everyAuthorizerEvent_withItsDemoKeyStored_isAllowedWithTheKeysTenant() throws IOException {
    List<Path> files = eventFiles();
    Set<ApiName> covered = EnumSet.noneOf(ApiName.class);
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      String table =
          TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> "events-" + id).get("ApiKeysTable");
      ApiKeys keys = new ApiKeys(dynamo.client(), table);
      ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(dynamo.client(), table);

      for (Path file : files) {
        byte[] raw = Files.readAllBytes(file);
        APIGatewayCustomAuthorizerEvent event = asLambdaRuntimeReadsIt(raw);
        String name = file.getFileName().toString();
        assertEquals("REQUEST", event.getType(), name);
        ApiName api = ApiName.forPath(event.getResource())
            .orElseThrow(() -> new AssertionError(name + " is for no API: " + event.getResource()));
        covered.add(api);
        String key = header(event.getHeaders(), api.headerName(), name);
        Tenant tenant = DEMO_KEYS.get(key);
        assertNotNull(tenant, name + " must carry one of the documented demo keys");
        IssuedKey issued = keys.createWithSecret(api, tenant, "demo key of " + name, key);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(raw), out, new RecordingContext());
        String response = out.toString(StandardCharsets.UTF_8);

        assertFalse(response.contains(key), name);
        Map<String, Object> policy = JsonTree.object(response);
        assertEquals(issued.keyId(), policy.get("principalId"), name);
        Map<String, String> context = new LinkedHashMap<>(tenant.authorizerContext());
        context.put("api", api.wireName());
        context.put("key_id", issued.keyId());
        assertEquals(context, policy.get("context"), name);
        assertEquals(
            List.of(Map.of("Action", "execute-api:Invoke", "Effect", "Allow", "Resource", List.of(getRoute(event)))),
            document(policy).get("Statement"), name);
      }
    }
    assertEquals(EnumSet.allOf(ApiName.class), covered, "an event file for each API");
  }

  private static List<Path> eventFiles() throws IOException {
    Path dir = Path.of(System.getProperty("evaljobs.events", "../../events"));
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "authorizer-*.json")) {
      stream.forEach(files::add);
    }
    assertTrue(files.size() >= 2, "authorizer events in " + dir);
    files.sort(null);
    return files;
  }

  private static APIGatewayCustomAuthorizerEvent asLambdaRuntimeReadsIt(byte[] raw) {
    return LambdaEventSerializers
        .serializerFor(APIGatewayCustomAuthorizerEvent.class, AuthorizerEventsIT.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(raw));
  }

  private static String header(Map<String, String> headers, String headerName, String file) {
    assertNotNull(headers, file + " has headers");
    List<String> values = headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(headerName))
        .map(Map.Entry::getValue)
        .toList();
    assertEquals(1, values.size(), file + " carries " + headerName + " once");
    return values.get(0);
  }

  /**
   * Independent of MethodArn: the first two path segments after the account are API id and stage, and the policy
   * names GET of the event's resource there, nothing wider.
   */
  private static String getRoute(APIGatewayCustomAuthorizerEvent event) {
    String arn = event.getMethodArn();
    int colon = arn.lastIndexOf(':');
    String[] segments = arn.substring(colon + 1).split("/");
    assertEquals(event.getRequestContext().getApiId(), segments[0]);
    assertEquals(event.getRequestContext().getStage(), segments[1]);
    return arn.substring(0, colon + 1) + segments[0] + "/" + segments[1] + "/GET" + event.getResource();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(Map<String, Object> policy) {
    return (Map<String, Object>) policy.get("policyDocument");
  }
}
