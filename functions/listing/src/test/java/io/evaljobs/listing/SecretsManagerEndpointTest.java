package io.evaljobs.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.lambda.Environment;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SecretsManagerEndpointTest {

  @Test
  void of_withoutOverride_isTheRegionalEndpointOfTheRules() {
    assertEquals(
        URI.create("https://secretsmanager.eu-west-1.amazonaws.com"),
        SecretsManagerEndpoint.of(new Environment(Map.of()), Region.EU_WEST_1));
    assertEquals(
        URI.create("https://secretsmanager.cn-north-1.amazonaws.com.cn"),
        SecretsManagerEndpoint.of(new Environment(Map.of()), Region.CN_NORTH_1));
  }

  @Test
  void of_fipsVariable_asksTheRulesForTheFipsEndpoint() {
    assertEquals(
        URI.create("https://secretsmanager-fips.us-east-1.amazonaws.com"),
        SecretsManagerEndpoint.of(new Environment(Map.of("AWS_USE_FIPS_ENDPOINT", "true")), Region.US_EAST_1));
  }

  @Test
  void of_configuredEndpoint_wins() {
    assertEquals(
        URI.create("http://127.0.0.1:4566"),
        SecretsManagerEndpoint.of(new Environment(Map.of("SECRETSMANAGER_ENDPOINT", "http://127.0.0.1:4566")), Region.US_EAST_1));
  }
}
