package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.evaljobs.lambda.LambdaJson;
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
  void eventsDirectory_everyFile_isAnEventOfItsFunctionsType() throws IOException {
    Path events = Path.of(System.getProperty("evaljobs.events", "../../events"));
    try (Stream<Path> listing = Files.list(events)) {
      for (Path file : listing.toList()) {
        String name = file.getFileName().toString();
        if (STREAM_EVENTS.stream().anyMatch(name::startsWith)) {
          DynamodbEvent event = read(file, DynamodbEvent.class);
          assertFalse(event.getRecords().isEmpty(), file + " has records");
          event.getRecords().forEach(r -> assertNotNull(r.getDynamodb().getSequenceNumber(), file.toString()));
        } else if (name.startsWith("authorizer-")) {
          RequestAuthorizerEvent event = read(file, RequestAuthorizerEvent.class);
          assertEquals("REQUEST", event.getType(), file.toString());
          assertFalse(event.getMethodArn().isEmpty(), file + " has a methodArn");
        } else {
          APIGatewayProxyRequestEvent event = read(file, APIGatewayProxyRequestEvent.class);
          assertFalse(ProxyRequests.path(event).isEmpty(), file + " has a path");
          assertEquals("GET", ProxyRequests.httpMethod(event), file.toString());
        }
      }
    }
  }

  private static <T> T read(Path file, Class<T> type) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return LambdaJson.readEvent(in, type).orElseThrow(() -> new AssertionError(file + " is not a " + type));
    }
  }
}
