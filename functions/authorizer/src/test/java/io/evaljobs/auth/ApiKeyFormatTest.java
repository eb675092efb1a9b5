package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void isWellFormed_everyIssuedSecret_isAccepted() {
    KeySecrets secrets = new KeySecrets(new SecureRandom());
    for (int i = 0; i < 2_000; i++) {
      for (ApiName api : ApiName.values()) {
        String secret = secrets.newSecret(api);
        assertTrue(ApiKeyFormat.isWellFormed(secret), secret.substring(0, 9));
      }
    }
  }

  @Test
  void isWellFormed_agreesWithAnIndependentRuleOnRandomText() {
    // Oracle: a regular expression written from the documented rule, over text that is mostly near-keys.
    Random random = new Random(20261206L);
    String alphabet = BASE64URL + "+/=. \t#é\u0000";
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      String prefix = switch (random.nextInt(5)) {
        case 0 -> "ej_eval_";
        case 1 -> "ej_score_";
        case 2 -> "ej_eval";
        case 3 -> "ej_scor_";
        default -> "";
      };
      int length = 40 + random.nextInt(7);
      StringBuilder key = new StringBuilder(prefix);
      for (int c = 0; c < length; c++) {
        key.append(random.nextInt(20) == 0
            ? alphabet.charAt(random.nextInt(alphabet.length()))
            : BASE64URL.charAt(random.nextInt(BASE64URL.length())));
      }
      boolean expected = key.toString().matches("(ej_eval_|ej_score_)[A-Za-z0-9_-]{43}");
      assertEquals(expected, ApiKeyFormat.isWellFormed(key.toString()), key.toString());
      accepted += expected ? 1 : 0;
    }
    assertTrue(accepted > 1_000 && accepted < 40_000, "both outcomes were exercised: " + accepted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ej_eval_", "ej_score_", "evaljobs-snapstart-priming-key", "ej_eval_anything"})
  void isWellFormed_shortOrForeignText_isRefused(String key) {
    assertFalse(ApiKeyFormat.isWellFormed(key));
  }

  @Test
  void prefix_namesEachApi() {
    assertEquals("ej_eval_", ApiKeyFormat.prefix(ApiName.EVALUATIONS));
    assertEquals("ej_score_", ApiKeyFormat.prefix(ApiName.SCORING));
  }
}
