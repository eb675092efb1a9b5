package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySecretsTest {
  private final KeySecrets secrets = new KeySecrets(new SecureRandom());

  @Test
  void newSecret_evaluations_isPrefixedAnd256RandomBitsInBase64Url() {
    String secret = secrets.newSecret(ApiName.EVALUATIONS);

    assertTrue(secret.startsWith("ej_eval_"), secret.substring(0, 8));
    assertEquals(32, Base64.getUrlDecoder().decode(secret.substring("ej_eval_".length())).length);
    assertTrue(secret.substring(8).matches("[A-Za-z0-9_-]{43}"));
  }

  @Test
  void newSecret_scoring_isPrefixedForScoring() {
    String secret = secrets.newSecret(ApiName.SCORING);

    assertTrue(secret.startsWith("ej_score_"));
    assertEquals(32, Base64.getUrlDecoder().decode(secret.substring("ej_score_".length())).length);
  }

  @Test
  void newKeyId_isTwelveBase32Characters() {
    for (int i = 0; i < 200; i++) {
      assertTrue(secrets.newKeyId().matches("[a-z2-7]{12}"));
    }
  }

  @Test
  void newSecretsAndIds_doNotRepeat() {
    Set<String> seenSecrets = new HashSet<>();
    Set<String> seenIds = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seenSecrets.add(secrets.newSecret(ApiName.EVALUATIONS)));
      assertTrue(seenIds.add(secrets.newKeyId()));
    }
  }

  @Test
  void newKeyId_usesTheWholeAlphabet() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      for (char c : secrets.newKeyId().toCharArray()) {
        seen.add(c);
      }
    }
    assertEquals(32, seen.size());
  }
}
