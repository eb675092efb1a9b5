package io.evaljobs.dynamodb;

import io.evaljobs.aws.AwsEnvironment;
import io.evaljobs.aws.ExplicitClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one DynamoDB client of an execution environment. Region, credentials, HTTP client, defaults mode and retry
 * strategy are all given, so that construction does no discovery (no provider chain, no IMDS, no profile file, no
 * classpath scan of HTTP clients).
 */
public final class DynamoDbClients {
  /** Stays below API Gateway's 29 s integration timeout, retries included. */
  private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(8);

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  /**
   * What the SDK resolves for DynamoDB when nothing configures a retry mode: the legacy strategy with DynamoDB's 9
   * attempts and 25 ms base delay, stated here so that resolving it reads no profile.
   */
  static final RetryStrategy RETRY_STRATEGY =
      AwsRetryStrategy.forRetryMode(RetryMode.LEGACY)
          .toBuilder()
          .maxAttempts(9)
          .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(20)))
          .build();

  private DynamoDbClients() {}

  /**
   * From the Lambda environment: AWS_REGION and the function's credentials; DYNAMODB_ENDPOINT, when set, points at
   * another endpoint (DynamoDB Local, LocalStack).
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

  /**
   * A client built as {@link #fromEnvironment} builds one, whose requests go to {@code http} instead: for primers
   * that run the SDK's request path against canned answers.
   */
  public static DynamoDbClient withHttpClient(SdkHttpClient http) {
    return builder(Region.US_EAST_1, AwsEnvironment.localCredentials(), Optional.of(URI.create("http://localhost")))
        .httpClient(http)
        .build();
  }

  private static DynamoDbClientBuilder builder(
      Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    return ExplicitClientSettings.apply(DynamoDbClient.builder(), region, credentials, endpoint)
        .overrideConfiguration(
            ExplicitClientSettings.overrides()
                .retryStrategy(RETRY_STRATEGY)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .build());
  }
}
