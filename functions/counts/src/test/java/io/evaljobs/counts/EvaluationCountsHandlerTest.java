package io.evaljobs.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.evaljobs.lambda.LambdaJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluationCountsHandlerTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final ThrottledDynamoDb store = new ThrottledDynamoDb();
  private final EvaluationCountsHandler handler =
      new EvaluationCountsHandler(store, "counts", new PrintStream(logged, true, StandardCharsets.UTF_8));

  private StreamsEventResponse invoke(byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    return LambdaJson.MAPPER.readValue(out.toByteArray(), StreamsEventResponse.class);
  }

  @Test
  void handleRequest_storeFails_reportsTheBatchFailedFromItsFirstRecord() throws IOException {
    byte[] event = Files.readAllBytes(Path.of(System.getProperty("evaljobs.events"), "evaluation-counts-stream.json"));

    StreamsEventResponse response = invoke(event);

    assertTrue(store.transactions.get() > 0, "the batch reached the store");
    assertEquals(1, response.getBatchItemFailures().size());
    assertEquals("111100000000000000001", response.getBatchItemFailures().get(0).getItemIdentifier());
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"message\":\"counting failed\""), logged.toString());
  }

  @Test
  void handleRequest_noRecordOfAJob_reportsNoFailureAndWritesNothing() throws IOException {
    byte[] event = """
        {"Records":[{"eventName":"INSERT","dynamodb":{"Keys":{"pk":{"S":"other"}},"SequenceNumber":"5",
          "NewImage":{"pk":{"S":"other"}}}}]}
        """.getBytes(StandardCharsets.UTF_8);

    assertEquals(List.of(), invoke(event).getBatchItemFailures());
    assertEquals(List.of(), invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)).getBatchItemFailures());
    assertEquals(0, store.transactions.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]", "{", "{\"Records\":\"x\"}", "{\"Records\":[{\"dynamodb\":[]}]}"})
  void handleRequest_notAStreamEvent_failsTheInvocationSoLambdaRetries(String event) {
    assertThrows(IOException.class, () -> invoke(event.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void handleRequest_recordWithoutSequenceNumber_failsTheInvocation() {
    byte[] event = """
        {"Records":[{"dynamodb":{"Keys":{"organization":{"S":"o"},"job_id":{"S":"j"}}}}]}
        """.getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> invoke(event));
  }
}
