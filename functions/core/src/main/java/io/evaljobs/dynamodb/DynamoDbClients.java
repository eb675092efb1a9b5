package io.evaljobs.dynamodb;

import io.evaljobs.aws.AwsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one DynamoDB client of an execution environment. Region, credentials and HTTP client are named
 * explicitly so that construction does no discovery (no provider chain, no IMDS, no classpath scan of HTTP clients).
 */
public final class DynamoDbClients {
  /** Stays below API Gateway's 29 s integration timeout, retries included. */
  private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(8);

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  private DynamoDbClients() {}

  /**
   * From the Lambda environment: AWS_REGION and the function's credentials variables; DYNAMODB_ENDPOINT, when
   * set, points at another endpoint (DynamoDB Local, LocalStack).
   */
  public static DynamoDbClient fromEnvironment(Map<String, String> env) {
    return builder(
            AwsEnvironment.region(env),
            AwsEnvironment.credentials(env),
            AwsEnvironment.endpoint(env, "DYNAMODB_ENDPOINT"))
        .build();
  }

  /** For a known endpoint, such as DynamoDB Local in tests and the local API. */
  public static DynamoDbClient forEndpoint(URI endpoint, String region) {
    return builder(Region.of(region), AwsEnvironment.localCredentials(), Optional.of(endpoint)).build();
  }

  private static DynamoDbClientBuilder builder(
      Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(AwsEnvironment.httpClient())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(API_CALL_TIMEOUT)
                    .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                    .build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }
}
