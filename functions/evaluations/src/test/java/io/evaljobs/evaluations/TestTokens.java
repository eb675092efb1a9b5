package io.evaljobs.evaluations;

import io.evaljobs.paging.PageTokenSealer;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Page tokens sealed with a fixed test key, optionally on a shifted clock. */
final class TestTokens {
  static final TokenKeyring KEYRING = TokenKeyring.parse(TokenKeyring.generateSpec("test", new SecureRandom()));

  private TestTokens() {}

  static PageTokens current() {
    return at(Clock.systemUTC());
  }

  static PageTokens at(Clock clock) {
    return new PageTokens(
        new PageTokenSealer(KEYRING, clock, Duration.ofHours(1)), EvaluationsEndpoint.NAME);
  }
}
