package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in events/ belongs to a function whose event tests run it: evaluations-*, scoring-* and authorizer-*
 * are run through their handlers by EvaluationEventsIT, ScoringEventsIT and AuthorizerEventsIT, and the DynamoDB
 * stream event evaluation-counts-* by EvaluationCountsEventIT.
 */
class EventsDirectoryTest {
  private static final List<String> API_GATEWAY_EVENTS = List.of("evaluations-", "scoring-", "authorizer-");
  private static final List<String> STREAM_EVENTS = List.of("evaluation-counts-");

  @Test
  void eventsDirectory_everyFile_isRunByAFunctionsEventTests() throws IOException {
    Path events = Path.of(System.getProperty("evaljobs.events", "../../events"));
    List<Path> files;
    try (Stream<Path> listing = Files.list(events)) {
      files = listing.toList();
    }
    assertFalse(files.isEmpty(), "events/ holds the events for sam local invoke");
    for (Path file : files) {
      String name = file.getFileName().toString();
      assertTrue(name.endsWith(".json"), name + " is not a JSON event");
      assertTrue(
          API_GATEWAY_EVENTS.stream().anyMatch(name::startsWith) || STREAM_EVENTS.stream().anyMatch(name::startsWith),
          name + " is run by no function's tests");
    }
  }

  @Test
  void eventsDirectory_everyFile_isAnEventTheParserReads() throws IOException {
    Path events = Path.of(System.getProperty("evaljobs.events", "../../events"));
    try (Stream<Path> listing = Files.list(events)) {
      for (Path file : listing.toList()) {
        if (STREAM_EVENTS.stream().anyMatch(file.getFileName().toString()::startsWith)) {
          continue;
        }
        try (var in = Files.newInputStream(file)) {
          ApiRequest request = ProxyEventParser.parse(in);
          assertFalse(request.path().isEmpty(), file + " has a path");
        }
      }
    }
  }
}
