package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.lambda.Environment;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.TokenKeyring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringJobsPrimingTest {
  private final Environment env =
      new Environment(Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("primer", new SecureRandom())));

  @Test
  void cannedPage_throughTheHandler_answersAFullPageLinkingTheNext() {
    JsonNode response =
        ApiContract.handle(
            ScoringJobsPriming.cannedPageHandler(env, RequestLogLine.fromEnvironment(new Environment(Map.of()))),
            ScoringJobsPriming.cannedPageEvent().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.path("statusCode").asInt(), response.toString());
    assertEquals(50, ApiContract.parse(response.path("body").asText()).size());
    assertTrue(response.path("headers").path("Link").asText().contains("rel=\"next\""), response.toString());
  }

  @Test
  void cannedPagePrimer_runRepeatedlyAsBeforeCheckpoints_answersAFullPageEveryRound() {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    RequestLogLine requestLog =
        new RequestLogLine(
            new PrintStream(lines, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.systemUTC(), "primer");
    Runnable primer = ScoringJobsPriming.cannedPagePrimer(env, requestLog);
    primer.run();
    primer.run();

    List<String> written = lines.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(written.size() >= 2 && written.size() % 2 == 0, "each run sends the same rounds: " + written.size());
    for (String line : written) {
      JsonNode outcome = ApiContract.parse(line);
      assertEquals(200, outcome.path("status").asInt(), line);
      assertEquals(50, outcome.path("ItemsReturned").asInt(), line);
    }
  }
}
