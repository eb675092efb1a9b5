package io.evaljobs.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The settings an SDK client would otherwise look up while it is built: defaults mode, profile file, HTTP client,
 * retry strategy and timeouts. A Lambda function has no profile file and no use for the SDK's environment probing, so
 * none of it is consulted.
 */
public final class ExplicitClientSettings {
  // The SDK reads settings it was not given (retry mode, endpoints, dual-stack, FIPS, account id mode) from this.
  private static final ProfileFile NO_PROFILE = ProfileFile.aggregator().build();

  /** The SDK's standard strategy (exponential backoff with jitter, a retry quota), bounded to three attempts. */
  static final int MAX_ATTEMPTS = 3;

  /**
   * One attempt: a connection's bounds ({@link HttpClientSettings}) and a response. A DynamoDB read of one page takes
   * milliseconds in a region.
   */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * One call with its retries. Two calls in a row that fail slowly still end inside the APIs' 15 s, and one inside the
   * authorizer's 10 s, so the function answers with its own error instead of timing out.
   */
  public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

  private ExplicitClientSettings() {}

  /**
   * Region, credentials, the shared HTTP client and the legacy defaults mode (what the SDK resolves to when nothing
   * configures another), plus {@code endpoint} as the override when present.
   */
  public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B apply(
      B builder, Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .defaultsMode(DefaultsMode.LEGACY)
        .httpClient(AwsEnvironment.httpClient());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * Overrides that stop the SDK from reading ~/.aws files, with the retry strategy and the timeouts every function
   * client uses.
   */
  public static ClientOverrideConfiguration.Builder overrides() {
    return ClientOverrideConfiguration.builder()
        .defaultProfileFile(NO_PROFILE)
        .defaultProfileName("default")
        .retryStrategy(retryStrategy())
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(API_CALL_TIMEOUT);
  }

  static RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
  }
}
