package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.lambda.Environment;
import io.evaljobs.tables.TemplateDocument;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {

  @Test
  void fromEnvironment_standardRetriesBoundedToThreeAttempts_andTheFunctionsTimeouts() {
    try (DynamoDbClient client = DynamoDbClients.fromEnvironment(new Environment(Map.of("AWS_REGION", "eu-west-1")))) {
      ClientOverrideConfiguration overrides = client.serviceClientConfiguration().overrideConfiguration();

      RetryStrategy retries = overrides.retryStrategy().orElseThrow();
      assertInstanceOf(StandardRetryStrategy.class, retries);
      assertEquals(3, retries.maxAttempts());
      assertEquals(Duration.ofSeconds(2), overrides.apiCallAttemptTimeout().orElseThrow());
      assertEquals(Duration.ofSeconds(5), overrides.apiCallTimeout().orElseThrow());
    }
  }

  @Test
  void apiCallTimeout_twoFailingCallsInARow_endInsideEveryFunctionsTimeout() {
    TemplateDocument template = TemplateDocument.load();
    Object global = globalTimeout(template);
    int checked = 0;
    for (Map.Entry<String, Object> resource : template.resources().entrySet()) {
      if (!"AWS::Serverless::Function".equals(template.type(resource.getKey()))) {
        continue;
      }
      Object timeout = template.properties(resource.getKey()).getOrDefault("Timeout", global);
      Duration functionTimeout = Duration.ofSeconds(((Number) timeout).longValue());
      assertTrue(
          ExplicitClientSettings.API_CALL_TIMEOUT.multipliedBy(2).compareTo(functionTimeout) <= 0,
          resource.getKey() + " has " + functionTimeout);
      checked++;
    }
    assertTrue(checked >= 4, "functions in the template: " + checked);
  }

  @SuppressWarnings("unchecked")
  private static Object globalTimeout(TemplateDocument template) {
    Map<String, Object> function = (Map<String, Object>) template.section("Globals").get("Function");
    return function.get("Timeout");
  }
}
