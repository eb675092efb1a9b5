package io.evaljobs.listing;

import io.evaljobs.aws.AwsEnvironment;
import io.evaljobs.aws.ExplicitClientSettings;
import io.evaljobs.lambda.Environment;
import io.evaljobs.paging.TokenKeySource;
import io.evaljobs.paging.TokenKeyring;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Page token keys from an AWS Secrets Manager secret: the AWSCURRENT version seals, the AWSPREVIOUS version still
 * opens tokens sealed before the last rotation. Read once when the function starts, then again when the keys are
 * older than the refresh interval or a token names a key not seen yet; a failed re-read keeps the keys in hand.
 */
public final class SecretsManagerKeySource implements TokenKeySource {
  static final Duration REFRESH_INTERVAL = Duration.ofMinutes(10);
  /** A token naming an unknown key triggers at most one re-read per interval, so forged key ids cost nothing. */
  static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(30);

  private final SecretsManagerClient secrets;
  private final String secretId;
  private final Clock clock;
  private volatile Loaded loaded;

  private record Loaded(TokenKeyring keyring, Instant at) {}

  /**
   * For the Lambda runtime: the secret named by PAGE_TOKEN_SECRET_ARN, read with the function's own region and
   * credentials from the region's endpoint (SECRETSMANAGER_ENDPOINT, when set, points at another endpoint).
   */
  public static SecretsManagerKeySource fromEnvironment(String secretId, Environment env) {
    Region region = AwsEnvironment.region(env);
    SecretsManagerClientBuilder builder =
        ExplicitClientSettings.apply(
                SecretsManagerClient.builder(),
                region,
                AwsEnvironment.credentials(env),
                Optional.of(SecretsManagerEndpoint.of(env, region)))
            .overrideConfiguration(ExplicitClientSettings.overrides().build());
    return new SecretsManagerKeySource(builder.build(), secretId, Clock.systemUTC());
  }

  /** Reads the secret now: a function that cannot read its keys must not start. */
  public SecretsManagerKeySource(SecretsManagerClient secrets, String secretId, Clock clock) {
    this.secrets = secrets;
    this.secretId = secretId;
    this.clock = clock;
    this.loaded = new Loaded(read(), clock.instant());
  }

  @Override
  public TokenKeyring keyring() {
    Loaded current = loaded;
    if (current.at().plus(REFRESH_INTERVAL).isBefore(clock.instant())) {
      return reloadKeeping(current);
    }
    return current.keyring();
  }

  @Override
  public TokenKeyring reload() {
    Loaded current = loaded;
    if (current.at().plus(MIN_RELOAD_INTERVAL).isAfter(clock.instant())) {
      return current.keyring();
    }
    return reloadKeeping(current);
  }

  private synchronized TokenKeyring reloadKeeping(Loaded seen) {
    if (loaded != seen) {
      return loaded.keyring();
    }
    try {
      loaded = new Loaded(read(), clock.instant());
    } catch (SdkException | IllegalArgumentException e) {
      // Keep serving with the keys in hand; try again after the next interval.
      loaded = new Loaded(seen.keyring(), clock.instant());
      System.err.println("page token keys: re-reading the secret failed, keeping the current keys: "
          + e.getClass().getSimpleName());
    }
    return loaded.keyring();
  }

  private TokenKeyring read() {
    Map<String, String> secretsById = new LinkedHashMap<>();
    GetSecretValueResponse current = secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT"));
    secretsById.put(keyId(current.versionId()), current.secretString());
    previous().ifPresent(p -> secretsById.putIfAbsent(keyId(p.versionId()), p.secretString()));
    return TokenKeyring.derive(secretsById);
  }

  private Optional<GetSecretValueResponse> previous() {
    try {
      return Optional.of(secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSPREVIOUS")));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A short public name of a secret version: "sm" and the first 12 characters of its version id. */
  static String keyId(String versionId) {
    String compact = versionId.replaceAll("[^A-Za-z0-9]", "");
    return "sm" + compact.substring(0, Math.min(12, compact.length()));
  }
}
