package io.evaljobs.aws;

import io.evaljobs.lambda.Environment;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one DynamoDB client of an execution environment. Region, credentials, HTTP client, defaults mode, retry
 * strategy, timeouts and endpoint discovery are all given, so that construction does no discovery (no provider chain,
 * no IMDS, no profile file, no classpath scan of HTTP clients).
 */
public final class DynamoDbClients {
  private DynamoDbClients() {}

  /**
   * From the Lambda environment: AWS_REGION and the function's credentials; DYNAMODB_ENDPOINT, when set, points at
   * another endpoint (DynamoDB Local, LocalStack).
   */
  public static DynamoDbClient fromEnvironment(Environment env) {
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
            ExplicitClientSettings.overrides().build())
        // Off, as the SDK's default is; stated so that building the client reads no setting for it.
        .endpointDiscoveryEnabled(false);
  }
}
