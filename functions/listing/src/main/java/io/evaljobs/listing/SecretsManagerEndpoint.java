package io.evaljobs.listing;

import io.evaljobs.aws.AwsEnvironment;
import io.evaljobs.lambda.Environment;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.endpoints.SecretsManagerEndpointParams;
import software.amazon.awssdk.services.secretsmanager.endpoints.SecretsManagerEndpointProvider;

/**
 * The Secrets Manager endpoint a client is given explicitly: SECRETSMANAGER_ENDPOINT when set, else what the SDK's
 * endpoint rules answer for the region (honouring AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT). Without an
 * explicit endpoint, this client version falls back to the SDK's service metadata, which loads the metadata classes
 * of every AWS service (about 360) while the client is built.
 */
final class SecretsManagerEndpoint {
  private SecretsManagerEndpoint() {}

  static URI of(Environment env, Region region) {
    Optional<URI> configured = AwsEnvironment.endpoint(env, "SECRETSMANAGER_ENDPOINT");
    if (configured.isPresent()) {
      return configured.get();
    }
    SecretsManagerEndpointParams params =
        SecretsManagerEndpointParams.builder()
            .region(region)
            .useFips(isTrue(env, "AWS_USE_FIPS_ENDPOINT"))
            .useDualStack(isTrue(env, "AWS_USE_DUALSTACK_ENDPOINT"))
            .build();
    return SecretsManagerEndpointProvider.defaultProvider().resolveEndpoint(params).join().url();
  }

  private static boolean isTrue(Environment env, String variable) {
    return env.optional(variable).filter(value -> value.trim().equalsIgnoreCase("true")).isPresent();
  }
}
