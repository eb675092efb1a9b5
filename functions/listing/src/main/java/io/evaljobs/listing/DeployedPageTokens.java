package io.evaljobs.listing;

import io.evaljobs.lambda.Environment;
import io.evaljobs.paging.PageTokenSealer;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import java.time.Clock;
import java.util.Optional;

/** The page tokens of a list function, with the keys its environment names. */
public final class DeployedPageTokens {
  private DeployedPageTokens() {}

  /**
   * Keys from the Secrets Manager secret named by PAGE_TOKEN_SECRET_ARN (as deployed), else from the PAGE_TOKEN_KEYS
   * variable ({@code KEYID:BASE64,...}, for local use).
   */
  public static PageTokens fromEnvironment(Environment env, String endpoint) {
    Optional<String> secret = env.optional("PAGE_TOKEN_SECRET_ARN");
    if (secret.isPresent()) {
      return new PageTokens(
          new PageTokenSealer(
              SecretsManagerKeySource.fromEnvironment(secret.get(), env), Clock.systemUTC(),
              PageTokens.DEFAULT_LIFETIME),
          endpoint);
    }
    String spec =
        env.optional("PAGE_TOKEN_KEYS")
            .orElseThrow(() -> new IllegalStateException("neither PAGE_TOKEN_SECRET_ARN nor PAGE_TOKEN_KEYS is set"));
    return new PageTokens(
        new PageTokenSealer(TokenKeyring.parse(spec), Clock.systemUTC(), PageTokens.DEFAULT_LIFETIME), endpoint);
  }
}
