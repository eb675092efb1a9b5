package io.evaljobs.scoring;

import io.evaljobs.paging.PageTokenSealer;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Page tokens with a fresh random key, as a deployment would have. */
final class TestTokens {
  private TestTokens() {}

  static PageTokens fresh() {
    TokenKeyring keys = TokenKeyring.parse(TokenKeyring.generateSpec("test", new SecureRandom()));
    return new PageTokens(
        new PageTokenSealer(keys, Clock.systemUTC(), Duration.ofHours(1)), ScoringJobsEndpoint.NAME);
  }
}
