package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.paging.TokenKeyring;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedPagePrimerTest {
  private final Map<String, String> env =
      Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("primer", new SecureRandom()));

  @Test
  void cannedPage_throughTheHandler_answersAFullPageWithANextToken() {
    HandlerResponse response = HandlerResponse.invoke(CannedPagePrimer.handler(env), CannedPagePrimer.event());
    assertEquals(200, response.status(), response.body().toString());
    assertEquals(25, response.body().path("jobs").size());
    assertTrue(response.body().path("pagination").path("next_offset").isTextual(), "the page must seal a token");
  }

  @Test
  void run_repeatedAsBeforeACheckpoint_neverThrows() {
    Runnable primer = CannedPagePrimer.of(env);
    for (int i = 0; i < 3; i++) {
      primer.run();
    }
  }
}
