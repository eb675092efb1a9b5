package io.evaljobs.aws;

import io.evaljobs.priming.SnapStartPriming;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client of a function is built with, named explicitly so that construction discovers nothing: the
 * region and credentials the Lambda environment gives, an endpoint override for local use, and one HTTP client whose
 * connections do not outlive a SnapStart snapshot.
 */
public final class AwsEnvironment {
  // One per execution environment, shared by every client so that they share its keep-alive connections.
  private static final SnapshotSafeHttpClient HTTP_CLIENT = new SnapshotSafeHttpClient(HttpClientSettings::build);

  // Registered while this class initializes, before any handler's primer: resources are notified in reverse order of
  // registration before a checkpoint, so the connections the primers opened are closed after the last primer ran.
  static {
    SnapStartPriming.register(HTTP_CLIENT);
  }

  private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private AwsEnvironment() {}

  /** AWS_REGION, as Lambda sets it; us-east-1 where nothing does (local use). */
  public static Region region(Map<String, String> env) {
    return Region.of(Optional.ofNullable(env.get("AWS_REGION")).orElse("us-east-1"));
  }

  /**
   * The function's own credentials variables; where Lambda gives none but a container credentials endpoint (the
   * case under SnapStart), that endpoint; dummy ones for a local endpoint, which accepts any.
   */
  public static AwsCredentialsProvider credentials(Map<String, String> env) {
    if (env.containsKey("AWS_ACCESS_KEY_ID")) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
      return ContainerCredentialsProvider.builder().build();
    }
    return LOCAL_CREDENTIALS;
  }

  public static AwsCredentialsProvider localCredentials() {
    return LOCAL_CREDENTIALS;
  }

  /** The endpoint named by {@code variable} (e.g. DYNAMODB_ENDPOINT), when set and not blank. */
  public static Optional<URI> endpoint(Map<String, String> env, String variable) {
    return Optional.ofNullable(env.get(variable)).filter(value -> !value.isBlank()).map(URI::create);
  }

  /** The HTTP client every AWS client of this JVM uses; never closed by the clients that use it. */
  public static SdkHttpClient httpClient() {
    return HTTP_CLIENT;
  }
}
