package io.evaljobs.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * The settings an SDK client would otherwise look up while it is built: defaults mode, profile file and HTTP client.
 * A Lambda function has no profile file and no use for the SDK's environment probing, so none of it is consulted.
 */
public final class ExplicitClientSettings {
  // The SDK reads settings it was not given (retry mode, endpoints, dual-stack, FIPS, account id mode) from this.
  private static final ProfileFile NO_PROFILE = ProfileFile.aggregator().build();

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

  /** Overrides that stop the SDK from reading ~/.aws files; add the client's retry strategy and timeouts to it. */
  public static ClientOverrideConfiguration.Builder overrides() {
    return ClientOverrideConfiguration.builder().defaultProfileFile(NO_PROFILE).defaultProfileName("default");
  }
}
