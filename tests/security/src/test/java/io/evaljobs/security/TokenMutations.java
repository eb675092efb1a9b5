package io.evaljobs.security;

import java.util.Random;

/** Page tokens altered the way a client or attacker would alter them: one character changed, or cut short. */
final class TokenMutations {
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private TokenMutations() {}

  /** One character changed to another base64url character, anywhere but the last (which may carry only padding). */
  static String flipped(String token, Random random) {
    int at = random.nextInt(token.length() - 1);
    char original = token.charAt(at);
    char replacement;
    do {
      replacement = BASE64URL.charAt(random.nextInt(BASE64URL.length()));
    } while (replacement == original);
    return token.substring(0, at) + replacement + token.substring(at + 1);
  }

  static String truncated(String token, Random random) {
    return token.substring(0, 1 + random.nextInt(token.length() - 1));
  }
}
