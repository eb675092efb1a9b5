package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

class EvaluationsPrimingTest {
  private final Environment env =
      new Environment(Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("primer", new SecureRandom())));

  @Test
  void cannedPage_throughTheHandler_answersAFullPageWithANextToken() {
    HandlerResponse response =
        HandlerResponse.invoke(
            EvaluationsPriming.cannedPageHandler(env, RequestLogLine.fromEnvironment(new Environment(Map.of()))),
            EvaluationsPriming.cannedPageEvent());
    assertEquals(200, response.status(), response.body().toString());
    assertEquals(25, response.body().path("jobs").size());
    assertTrue(response.body().path("pagination").path("next_offset").isTextual(), "the page must seal a token");
  }

  @Test
  void cannedPagePrimer_runRepeatedlyAsBeforeCheckpoints_answersAFullPageEveryRound() throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    RequestLogLine requestLog =
        new RequestLogLine(
            new PrintStream(lines, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.systemUTC(), "primer");
    Runnable primer = EvaluationsPriming.cannedPagePrimer(env, requestLog);
    primer.run();
    primer.run();

    List<String> written = lines.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(written.size() >= 2 && written.size() % 2 == 0, "each run sends the same rounds: " + written.size());
    ObjectMapper mapper = new ObjectMapper();
    for (String line : written) {
      JsonNode outcome = mapper.readTree(line);
      assertEquals(200, outcome.path("status").asInt(), line);
      assertEquals(25, outcome.path("ItemsReturned").asInt(), line);
    }
  }
}
