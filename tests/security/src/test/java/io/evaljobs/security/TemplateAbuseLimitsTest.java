package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiKeyFormat;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.UnauthorizedException;
import io.evaljobs.tables.TemplateDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * What one client can spend: stage throttling of each API, reserved concurrency of the functions on the request
 * path, and the authorizer's key-format check, which refuses a random key without reading the key table.
 */
class TemplateAbuseLimitsTest {
  private static final Map<String, List<String>> THROTTLE_PARAMETERS_OF_API =
      Map.of(
          "EvaluationsApi", List.of("EvaluationsApiRateLimit", "EvaluationsApiBurstLimit"),
          "ScoringApi", List.of("ScoringApiRateLimit", "ScoringApiBurstLimit"));
  private static final Map<String, String> CONCURRENCY_PARAMETER_OF_FUNCTION =
      Map.of(
          "AuthorizerFunction", "AuthorizerReservedConcurrency",
          "EvaluationsFunction", "EvaluationsReservedConcurrency",
          "ScoringJobsFunction", "ScoringJobsReservedConcurrency");
  /** Lambda's default account concurrency, of which at least 100 must stay unreserved. */
  private static final int ACCOUNT_CONCURRENCY = 1000;

  private final TemplateDocument template = TemplateDocument.load();

  @Test
  void everyApiStage_throttlesEveryMethodAtItsOwnRateAndBurstParameters() {
    THROTTLE_PARAMETERS_OF_API.forEach((api, parameters) -> {
      List<?> settings = (List<?>) template.properties(api).get("MethodSettings");
      assertEquals(1, settings.size(), api);
      Map<?, ?> all = (Map<?, ?>) settings.get(0);
      assertEquals("/*", all.get("ResourcePath"), api);
      assertEquals("*", all.get("HttpMethod"), api);
      assertEquals(Map.of("Ref", parameters.get(0)), all.get("ThrottlingRateLimit"), api);
      assertEquals(Map.of("Ref", parameters.get(1)), all.get("ThrottlingBurstLimit"), api);
      int rate = positiveNumberDefault(parameters.get(0));
      int burst = positiveNumberDefault(parameters.get(1));
      assertTrue(burst >= rate, api + ": a burst below the rate would throttle a steady client");
    });
    assertEquals(THROTTLE_PARAMETERS_OF_API.keySet().stream().sorted().toList(),
        template.resources().keySet().stream().filter(id -> template.type(id).equals("AWS::Serverless::Api"))
            .sorted().toList(), "every API is throttled");
  }

  @Test
  void requestPathFunctions_haveReservedConcurrencyFromParameters_leavingTheAccountItsUnreservedMinimum() {
    int reserved = 0;
    for (Map.Entry<String, String> entry : CONCURRENCY_PARAMETER_OF_FUNCTION.entrySet()) {
      assertEquals(Map.of("Ref", entry.getValue()),
          template.properties(entry.getKey()).get("ReservedConcurrentExecutions"), entry.getKey());
      reserved += positiveNumberDefault(entry.getValue());
    }
    assertTrue(reserved <= ACCOUNT_CONCURRENCY - 100, "defaults reserve " + reserved);
  }

  @Test
  void templatesAuthorizer_refusesRandomAndGarbageKeysWithoutReadingTheKeyTable() throws Exception {
    Map<String, Object> authorizer = template.properties("AuthorizerFunction");
    assertEquals(ApiKeyAuthorizerHandler.class.getName() + "::handleRequest", authorizer.get("Handler"));
    AtomicInteger reads = new AtomicInteger();
    DynamoDbClient keyTable = new DynamoDbClient() {
      @Override
      public GetItemResponse getItem(GetItemRequest request) {
        reads.incrementAndGet();
        return GetItemResponse.builder().build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
    ApiKeyAuthorizerHandler handler = new ApiKeyAuthorizerHandler(keyTable, "ApiKeysTable");
    Random random = new Random(5_2026L);
    int garbage = 0;
    // The decisions are logged to standard error without a Lambda context; kept out of the build output.
    try (CapturedOutput decisions = CapturedOutput.start()) {
      for (int i = 0; i < 5_000; i++) {
        boolean evaluations = random.nextBoolean();
        ApiName api = evaluations ? ApiName.EVALUATIONS : ApiName.SCORING;
        String key = switch (random.nextInt(3)) {
          case 0 -> HostileText.any(random);
          case 1 -> ApiKeyFormat.prefix(api) + HostileText.randomBase64Url(random, 1 + random.nextInt(80));
          default -> HostileText.randomBase64Url(random, 51);
        };
        if (key.isBlank() || ApiKeyFormat.isWellFormed(key)) {
          continue;
        }
        garbage++;
        String event = evaluations
            ? AuthorizerEvent.evaluations(Map.of(api.headerName(), key))
            : AuthorizerEvent.scoring(Map.of(api.headerName(), key));
        UnauthorizedException refused = assertThrows(UnauthorizedException.class,
            () -> handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null));
        assertEquals("Unauthorized", refused.getMessage());
      }
      assertTrue(decisions.text().contains("authorizer: unauthorized, malformed key"), "refused as malformed");
    }
    assertTrue(garbage > 4_000, "garbage keys sent: " + garbage);
    assertEquals(0, reads.get(), "key table reads for keys not of the key format");

    String wellFormed = ApiKeyFormat.prefix(ApiName.EVALUATIONS) + HostileText.randomBase64Url(random, 43);
    assertThrows(UnauthorizedException.class, () -> handler.handleRequest(new ByteArrayInputStream(
        AuthorizerEvent.evaluations(Map.of("X-API-Key", wellFormed)).getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null));
    assertEquals(1, reads.get(), "a key of the format is looked up: the check above could fail");
  }

  private int positiveNumberDefault(String parameter) {
    Map<?, ?> declared = (Map<?, ?>) template.section("Parameters").get(parameter);
    assertTrue(declared != null, parameter + " is declared");
    assertEquals("Number", declared.get("Type"), parameter);
    assertTrue(declared.get("MinValue") instanceof Integer min && min >= 1, parameter + " MinValue");
    assertTrue(declared.get("Default") instanceof Integer value && value >= 1, parameter + " Default");
    return (Integer) declared.get("Default");
  }
}
