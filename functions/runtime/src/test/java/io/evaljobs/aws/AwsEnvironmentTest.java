package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.evaljobs.lambda.Environment;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsEnvironmentTest {

  @Test
  void region_lambdaVariable_orUsEast1WhereNothingSetsIt() {
    assertEquals(Region.EU_WEST_1, AwsEnvironment.region(new Environment(Map.of("AWS_REGION", "eu-west-1"))));
    assertEquals(Region.US_EAST_1, AwsEnvironment.region(new Environment(Map.of())));
  }

  @Test
  void credentials_functionVariables_orLocalOnesWithoutThem() {
    assertInstanceOf(
        EnvironmentVariableCredentialsProvider.class,
        AwsEnvironment.credentials(new Environment(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b"))));
    assertSame(AwsEnvironment.localCredentials(), AwsEnvironment.credentials(new Environment(Map.of())));
  }

  @Test
  void credentials_containerEndpointWithoutKeys_useTheContainerEndpoint() {
    // What Lambda gives a SnapStart function instead of the key variables.
    assertInstanceOf(
        ContainerCredentialsProvider.class,
        AwsEnvironment.credentials(new Environment(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds"))));
  }

  @Test
  void endpoint_blankOrMissing_isNoOverride() {
    assertEquals(Optional.empty(), AwsEnvironment.endpoint(new Environment(Map.of("DYNAMODB_ENDPOINT", "  ")), "DYNAMODB_ENDPOINT"));
    assertEquals(Optional.empty(), AwsEnvironment.endpoint(new Environment(Map.of()), "DYNAMODB_ENDPOINT"));
    assertEquals(
        Optional.of(URI.create("http://127.0.0.1:8000")),
        AwsEnvironment.endpoint(new Environment(Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")), "DYNAMODB_ENDPOINT"));
  }

  @Test
  void httpClient_isOnePerJvm_renewedAtSnapshots() {
    assertSame(AwsEnvironment.httpClient(), AwsEnvironment.httpClient());
    assertInstanceOf(SnapshotSafeHttpClient.class, AwsEnvironment.httpClient());
  }
}
