package io.evaljobs.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingRequestsTest {

  @Test
  void run_sendsEveryEventSeveralTimes_andSurvivesAHandlerThatThrows() {
    List<String> seen = new ArrayList<>();
    new PrimingRequests(
            (input, output, context) -> {
              String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
              seen.add(event);
              if (event.equals("b")) {
                throw new IllegalStateException("Unauthorized");
              }
            },
            List.of("a", "b"))
        .run();
    assertEquals(List.of("a", "b", "a", "b", "a", "b"), seen);
  }

  @Test
  void register_outsideACheckpoint_runsNothing() {
    List<String> seen = new ArrayList<>();
    SnapStartPriming.register(() -> seen.add("primed"));
    assertEquals(List.of(), seen);
  }
}
