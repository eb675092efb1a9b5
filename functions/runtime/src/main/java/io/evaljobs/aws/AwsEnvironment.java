package io.evaljobs.aws;

import io.evaljobs.lambda.Environment;
import io.evaljobs.priming.SnapStartPriming;
import java.net.URI;
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
  public static Region region(Environment env) {
    return Region.of(env.optional("AWS_REGION").orElse("us-east-1"));
  }

  /**
   * The function's own credentials variables; where Lambda gives none but a container credentials endpoint (the
   * case under SnapStart), that endpoint; dummy ones for a local endpoint, which accepts any.
   */
  public static AwsCredentialsProvider credentials(Environment env) {
    if (env.optional("AWS_ACCESS_KEY_ID").isPresent()) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
      return ContainerCredentialsProvider.builder().build();
    }
    return LOCAL_CREDENTIALS;
  }

  public static AwsCredentialsProvider localCredentials() {
    return LOCAL_CREDENTIALS;
  }

  /** The endpoint named by {@code variable} (e.g. DYNAMODB_ENDPOINT), when set and not blank. */
  public static Optional<URI> endpoint(Environment env, String variable) {
    return env.optional(variable).map(URI::create);
  }

  /** The HTTP client every AWS client of this JVM uses; never closed by the clients that use it. */
  public static SdkHttpClient httpClient() {
    return HTTP_CLIENT;
  }
}
