package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.IssuedKey;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * API keys and page tokens are credentials: whatever happens (allow, deny, refusal, invalid token, database down),
 * none of their text reaches the function logs (System.out, System.err, java.util.logging).
 */
class SecretsInLogsIT {
  private static final String EVALUATIONS_ORG = EvaluationData.ORGANIZATIONS.get(1);
  private static final Map<String, String> SCORING_TENANT = ScoringData.TENANTS.get(0).authorizerContext();

  /** DynamoDB failing the way a network outage does, with a message that names the request it failed. */
  private static final class DownDynamoDb implements DynamoDbClient {
    @Override
    public QueryResponse query(QueryRequest request) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused for " + request.tableName());
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused for " + request.tableName());
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  @Test
  void authorizerAndListHandlers_anyOutcomeIncluding5xx_neverLogAKeyOrAPageToken() throws Exception {
    List<String> secrets = new ArrayList<>();
    try (EmbeddedDynamoDb database = EmbeddedDynamoDb.start()) {
      Deployment deployment = Deployment.on(database);
      deployment.load(EvaluationData.generate(new Random(3)));
      ScoringData.generate(new Random(3)).writeTo(deployment.dynamo(), deployment.scoringTable());
      ApiKeys admin = new ApiKeys(database.client(), "ApiKeysTable");
      IssuedKey evaluationsKey = admin.create(ApiName.EVALUATIONS, new Tenant.Organization(EVALUATIONS_ORG), "e");
      IssuedKey scoringKey = admin.create(ApiName.SCORING, new Tenant.CustomerProject("a#b", "c"), "s");
      IssuedKey revokedKey = admin.create(ApiName.EVALUATIONS, new Tenant.Organization(EVALUATIONS_ORG), "r");
      admin.revoke(revokedKey.keyId());
      String unknownKey = "ej_eval_" + HostileText.randomBase64Url(new Random(5), 43);
      secrets.addAll(List.of(evaluationsKey.plaintextKey(), scoringKey.plaintextKey(), revokedKey.plaintextKey(),
          unknownKey));

      String logs;
      try (CapturedOutput output = CapturedOutput.start()) {
        System.err.println("capture check");
        java.util.logging.Logger.getLogger("security").warning("logging check");
        ApiKeyAuthorizerHandler authorizer = new ApiKeyAuthorizerHandler(database.client(), "ApiKeysTable");
        ApiKeyAuthorizerHandler authorizerDown = new ApiKeyAuthorizerHandler(new DownDynamoDb(), "ApiKeysTable");
        for (String key : secrets) {
          authorize(authorizer, AuthorizerEvent.evaluations(Map.of("X-API-Key", key)));
          authorize(authorizer, AuthorizerEvent.scoring(Map.of("Meibel-API-Key", key)));
          authorize(authorizer, AuthorizerEvent.evaluations(Map.of("X-API-Key", key + " ")));
          authorize(authorizerDown, AuthorizerEvent.evaluations(Map.of("X-API-Key", key)));
        }

        RequestStreamHandler evaluations = deployment.evaluationsHandler();
        RequestStreamHandler scoring = deployment.scoringHandler();
        RequestStreamHandler evaluationsDown = deployment.evaluationsHandler(new DownDynamoDb());
        RequestStreamHandler scoringDown = deployment.scoringHandler(new DownDynamoDb());
        List<String> tokens = new ArrayList<>();
        ProxyResponse page = ProxyResponse.call(evaluations, ProxyEvent.get("/evaluations")
            .authorizer(Map.of("organization", EVALUATIONS_ORG)).param("limit", "1").bytes());
        page.assertStatus(200);
        tokens.add(page.json().path("pagination").path("next_offset").asText());
        ProxyResponse scoringPage = ProxyResponse.call(scoring, ProxyEvent.get("/v2/confidence-scoring/jobs")
            .authorizer(SCORING_TENANT).param("limit", "1").bytes());
        scoringPage.assertStatus(200);
        tokens.add(scoringPage.header("Link").flatMap(NextPageLinks::offset).orElseThrow());
        tokens.add(TokenMutations.flipped(tokens.get(0), new Random(1)));
        tokens.add(HostileText.randomBase64Url(new Random(2), 120));
        secrets.addAll(tokens);

        for (String token : tokens) {
          for (String key : List.of(evaluationsKey.plaintextKey(), unknownKey)) {
            ProxyEvent evaluationsEvent = ProxyEvent.get("/evaluations").header("X-API-Key", key)
                .authorizer(Map.of("organization", EVALUATIONS_ORG)).param("offset", token);
            ProxyEvent otherTenant = ProxyEvent.get("/evaluations").header("X-API-Key", key)
                .authorizer(Map.of("organization", "acme")).param("offset", token);
            ProxyEvent scoringEvent = ProxyEvent.get("/v2/confidence-scoring/jobs").header("Meibel-API-Key", key)
                .authorizer(SCORING_TENANT).param("offset", token);
            ProxyEvent unauthenticated = ProxyEvent.get("/evaluations").header("X-API-Key", key).param("offset", token);
            ProxyResponse.call(evaluations, evaluationsEvent.bytes());
            ProxyResponse.call(evaluations, otherTenant.bytes());
            ProxyResponse.call(evaluations, unauthenticated.bytes());
            ProxyResponse.call(scoring, scoringEvent.bytes());
            ProxyResponse.call(scoring, unauthenticated.bytes());
            // A token that opens for this caller reaches the database, which is down: the 5xx path logs.
            assertDown(evaluationsDown, evaluationsEvent);
            assertDown(scoringDown, scoringEvent);
            assertEquals(503, ProxyResponse.call(evaluationsDown, ProxyEvent.get("/evaluations")
                .header("X-API-Key", key).authorizer(Map.of("organization", EVALUATIONS_ORG)).bytes()).status());
            assertEquals(503, ProxyResponse.call(scoringDown, ProxyEvent.get("/v2/confidence-scoring/jobs")
                .header("Meibel-API-Key", key).authorizer(SCORING_TENANT).bytes()).status());
          }
        }
        logs = output.text();
      }
      assertTrue(logs.contains("capture check") && logs.contains("logging check"), "the capture works");
      assertTrue(logs.contains("authorizer: "), "the authorizer logged its decisions");
      assertTrue(logs.toLowerCase().contains("failed") || logs.toLowerCase().contains("failure"),
          "the 5xx paths logged: " + logs);
      for (String secret : secrets) {
        assertTrue(!logs.contains(secret), "a key or token was logged: " + secret.substring(0, 8) + "...");
        String core = secret.substring(Math.min(8, secret.length() / 2));
        assertTrue(!logs.contains(core), "part of a key or token was logged");
      }
    }
  }

  private static void authorize(ApiKeyAuthorizerHandler authorizer, String event) {
    try {
      authorizer.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    } catch (RuntimeException | java.io.IOException expected) {
      // Unauthorized and lookup failures are how the authorizer answers; only their logging is under test here.
    }
  }

  private static void assertDown(RequestStreamHandler handler, ProxyEvent event) {
    ProxyResponse response = ProxyResponse.call(handler, event.bytes());
    assertTrue(response.status() == 503 || response.status() == 422 || response.status() == 400,
        "status " + response.status());
  }
}
