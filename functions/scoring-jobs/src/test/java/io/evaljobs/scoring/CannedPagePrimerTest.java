package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.paging.TokenKeyring;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedPagePrimerTest {
  private final Map<String, String> env =
      Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("primer", new SecureRandom()));

  @Test
  void cannedPage_throughTheHandler_answersAFullPageLinkingTheNext() throws Exception {
    JsonNode response = ApiContract.handle(CannedPagePrimer.handler(env), CannedPagePrimer.event().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.path("statusCode").asInt(), response.toString());
    assertEquals(50, ApiContract.parse(response.path("body").asText()).size());
    assertTrue(response.path("headers").path("Link").asText().contains("rel=\"next\""), response.toString());
  }
}
