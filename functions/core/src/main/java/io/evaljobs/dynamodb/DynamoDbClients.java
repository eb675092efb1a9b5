package io.evaljobs.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
    String region = Optional.ofNullable(env.get("AWS_REGION")).orElse("us-east-1");
    Optional<String> endpoint = Optional.ofNullable(env.get("DYNAMODB_ENDPOINT")).filter(s -> !s.isBlank());
    AwsCredentialsProvider credentials =
        env.containsKey("AWS_ACCESS_KEY_ID")
            ? EnvironmentVariableCredentialsProvider.create()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    return builder(Region.of(region), credentials, endpoint.map(URI::create)).build();
  }

  /** For a known endpoint, such as DynamoDB Local in tests and the local API. */
  public static DynamoDbClient forEndpoint(URI endpoint, String region) {
    return builder(
            Region.of(region),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
            Optional.of(endpoint))
        .build();
  }

  private static DynamoDbClientBuilder builder(
      Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(API_CALL_TIMEOUT)
                    .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                    .build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }
}
