package io.evaljobs.paging;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Turns cursors into opaque page tokens and back, for one endpoint. */
public final class PageTokens {
  /** How long a token stays usable, as AWS's own NextTokens do. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final PageTokenSealer sealer;
  private final String endpoint;

  public PageTokens(PageTokenSealer sealer, String endpoint) {
    this.sealer = sealer;
    this.endpoint = endpoint;
  }

  /**
   * Keys from the Secrets Manager secret named by PAGE_TOKEN_SECRET_ARN (as deployed), else from the PAGE_TOKEN_KEYS
   * variable ({@code KEYID:BASE64,...}, for local use).
   */
  public static PageTokens fromEnvironment(Map<String, String> env, String endpoint) {
    String secret = env.get("PAGE_TOKEN_SECRET_ARN");
    if (secret != null && !secret.isBlank()) {
      return new PageTokens(
          new PageTokenSealer(
              SecretsManagerKeySource.fromEnvironment(secret, env), Clock.systemUTC(), DEFAULT_LIFETIME),
          endpoint);
    }
    String spec = env.get("PAGE_TOKEN_KEYS");
    if (spec == null || spec.isBlank()) {
      throw new IllegalStateException("neither PAGE_TOKEN_SECRET_ARN nor PAGE_TOKEN_KEYS is set");
    }
    return new PageTokens(
        new PageTokenSealer(TokenKeyring.parse(spec), Clock.systemUTC(), DEFAULT_LIFETIME), endpoint);
  }

  public String encode(Cursor cursor, String tenant, String canonicalQuery) {
    return sealer.seal(CursorCodec.encode(cursor), new TokenBinding(endpoint, tenant, canonicalQuery));
  }

  /** The cursor sealed in {@code token}; throws {@link InvalidPageTokenException} for any token not minted for this. */
  public Cursor decode(String token, String tenant, String canonicalQuery) {
    return CursorCodec.decode(sealer.open(token, new TokenBinding(endpoint, tenant, canonicalQuery)));
  }
}
