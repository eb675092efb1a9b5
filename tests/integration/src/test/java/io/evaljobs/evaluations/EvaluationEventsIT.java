package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every events/evaluations-*.json, as {@code sam local invoke} would pass it: first read the way the Lambda Java
 * runtime reads an APIGatewayProxyRequestEvent, then fed byte for byte to the stream handler.
 */
class EvaluationEventsIT extends DynamoDbSuite {
  private static final String ORGANIZATION = "org-acme";
  private static final Instant START = Instant.parse("2024-01-13T12:00:00Z");

  /** What each event file must produce; a file without an entry fails, so none goes unchecked. */
  private static final Map<String, BiConsumer<HandlerResponse, List<StoredJob>>> EXPECTATIONS =
      Map.of(
          "evaluations-list.json", EvaluationEventsIT::expectNewestTen,
          "evaluations-filtered-sorted.json", EvaluationEventsIT::expectFailedGpt4ByProgress,
          "evaluations-invalid-date.json", EvaluationEventsIT::expectInvalidCreatedAfter);

  private final List<StoredJob> jobs = new ArrayList<>();

  @Override
  protected DynamoDbBackend openBackend() {
    return DynamoDbBackend.embedded();
  }

  @Override
  protected void writeData() {
    List<String> judges = List.of("judge-gpt4", "judge-claude", "judge-gpt4", "");
    for (int i = 0; i < 60; i++) {
      String judge = judges.get(i % judges.size());
      Instant created = START.plusSeconds(3600L * i);
      EvaluationStatus status = i % 2 == 0 ? EvaluationStatus.FAILED : EvaluationStatus.COMPLETED;
      jobs.add(new StoredJob(ORGANIZATION, new EvaluationJob(
          String.format("eval-%03d", i), status, OptionalLong.of(100), OptionalLong.of(i), OptionalLong.of(i % 3),
          i % 5 == 0 ? Optional.empty() : Optional.of(Percentage.of((i * 7) % 100)), judge.isEmpty() ? Optional.empty() : Optional.of(judge),
          judge.isEmpty() ? Optional.empty() : Optional.of(judge.toUpperCase()), created,
          Optional.of(created.plusSeconds(30)), Optional.of(created.plusSeconds(900)), Optional.empty(),
          Optional.of("normal"))));
      // The same ids in another organization, which no event may see.
      jobs.add(new StoredJob("org-other", jobs.get(jobs.size() - 1).job()));
    }
    JobWriter.writeAll(dynamo(), tableName(), jobs);
  }

  @TestFactory
  List<DynamicTest> everyEvaluationsEvent_isAValidProxyEventAndAnswersAsExpected() throws IOException {
    Path directory = Path.of(System.getProperty("evaljobs.events"));
    List<DynamicTest> tests = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "evaluations-*.json")) {
      for (Path file : files) {
        tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
      }
    }
    assertTrue(tests.size() >= EXPECTATIONS.size(), "missing event files in " + directory);
    return tests;
  }

  private void check(Path file) {
    String name = file.getFileName().toString();
    BiConsumer<HandlerResponse, List<StoredJob>> expectation = EXPECTATIONS.get(name);
    assertNotNull(expectation, name + " has no expectation in " + getClass().getSimpleName());
    byte[] raw = read(file);
    PojoSerializer<APIGatewayProxyRequestEvent> serializer =
        LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, getClass().getClassLoader());
    APIGatewayProxyRequestEvent event = serializer.fromJson(new String(raw, StandardCharsets.UTF_8));
    assertEquals("GET", event.getHttpMethod(), name);
    assertEquals("/evaluations", event.getResource(), name);
    assertEquals(ORGANIZATION, event.getRequestContext().getAuthorizer().get("organization"), name);
    assertNotNull(event.getMultiValueQueryStringParameters(), name);
    assertNotNull(event.getHeaders().get("X-API-Key"), name);

    expectation.accept(HandlerResponse.invoke(newHandler(), raw), jobs);
  }

  private static void expectNewestTen(HandlerResponse response, List<StoredJob> jobs) {
    assertEquals(200, response.status(), response.body().toString());
    List<EvaluationJob> expected = ExpectedListing.of(jobs, ORGANIZATION, EvaluationQuery.DEFAULT);
    assertEquals(HandlerResponse.listed(expected.subList(0, 10)), response.body().get("jobs"));
    assertPagination(response.body(), expected.size(), 10);
  }

  private static void expectFailedGpt4ByProgress(HandlerResponse response, List<StoredJob> jobs) {
    assertEquals(200, response.status(), response.body().toString());
    EvaluationQuery query =
        new EvaluationQuery(
            Optional.of(EvaluationStatus.FAILED), Optional.of("judge-gpt4"),
            Optional.of(Instant.parse("2024-01-14T00:00:00Z")), Optional.empty(), SortField.PROGRESS_PERCENTAGE,
            SortOrder.ASC);
    List<EvaluationJob> expected = ExpectedListing.of(jobs, ORGANIZATION, query);
    assertTrue(expected.size() > 5, "the data must give the filtered event more than one page");
    assertEquals(HandlerResponse.listed(expected.subList(0, 5)), response.body().get("jobs"));
    assertPagination(response.body(), expected.size(), 5);
  }

  private static void expectInvalidCreatedAfter(HandlerResponse response, List<StoredJob> jobs) {
    assertEquals(400, response.status());
    assertEquals("invalid_parameter", response.error());
    assertEquals("created_after", response.parameter());
    assertTrue(response.message().contains("ISO 8601"), response.message());
  }

  private static void assertPagination(JsonNode body, long total, int limit) {
    JsonNode pagination = body.get("pagination");
    assertEquals(total, pagination.get("total_count").asLong());
    assertEquals(limit, pagination.get("limit").asInt());
    assertEquals(0, pagination.get("offset").asLong());
    assertTrue(pagination.get("has_next").asBoolean());
    assertFalse(pagination.get("has_previous").asBoolean());
    assertTrue(pagination.get("next_offset").isTextual());
    assertTrue(pagination.get("previous_offset").isNull());
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
