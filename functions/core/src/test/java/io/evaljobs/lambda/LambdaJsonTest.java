package io.evaljobs.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.ProxyResponses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LambdaJsonTest {
  private static final Random RANDOM = new Random(29);

  private static <T> Optional<T> read(String json, Class<T> type) {
    return LambdaJson.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "null", "[]", "42", "\"text\"", "{", "{\"path\":", "nul", "{} {",
      "{\"headers\":[\"Host\"]}", "{\"headers\":{\"Host\":{\"nested\":1}}}",
      "{\"multiValueQueryStringParameters\":{\"status\":[{}]}}", "{\"requestContext\":\"ctx\"}"})
  void readEvent_notAProxyEvent_isEmpty(String json) {
    assertEquals(Optional.empty(), read(json, APIGatewayProxyRequestEvent.class), json);
  }

  @Test
  void readEvent_nestedBeyondTheLimit_isEmpty() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertEquals(Optional.empty(), read("{\"body\":null,\"x\":" + deep + "}", APIGatewayProxyRequestEvent.class));
  }

  @Test
  void readEvent_responseWithABodyOfTheResponseBudget_readsBackWhole() {
    String body = "x".repeat(4 * 1024 * 1024);
    APIGatewayProxyResponseEvent answer =
        read("{\"statusCode\":200,\"body\":\"" + body + "\"}", APIGatewayProxyResponseEvent.class).orElseThrow();
    assertEquals(body.length(), answer.getBody().length());
  }

  @Test
  void readEvent_stringBeyondLambdasPayloadLimit_isEmpty() {
    String body = "x".repeat(LambdaJson.MAX_STRING_CHARS + 1);
    assertEquals(
        Optional.empty(), read("{\"statusCode\":200,\"body\":\"" + body + "\"}", APIGatewayProxyResponseEvent.class));
  }

  @Test
  void readEvent_loneSurrogateInAParameter_isReadAsSent() {
    APIGatewayProxyRequestEvent event =
        read("{\"queryStringParameters\":{\"judge_id\":\"a\\ud800b\"}}", APIGatewayProxyRequestEvent.class)
            .orElseThrow();
    assertEquals("a\ud800b", event.getQueryStringParameters().get("judge_id"));
  }

  @Test
  void write_proxyResponse_isTheProxyIntegrationDocument() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LambdaJson.write(
        ProxyResponses.of(ApiResponse.json(400, "{\"a\":\"\\u0000\"}").withHeader("Retry-After", "1")), out);
    assertEquals(
        "{\"statusCode\":400,\"headers\":{\"Cache-Control\":\"no-store\",\"Content-Type\":\"application/json\","
            + "\"Retry-After\":\"1\",\"X-Content-Type-Options\":\"nosniff\"},"
            + "\"body\":\"{\\\"a\\\":\\\"\\\\u0000\\\"}\",\"isBase64Encoded\":false}",
        out.toString(StandardCharsets.UTF_8));
  }

  /** Any text a job may hold: controls, quotes, backslashes, Latin-1, other BMP letters and supplementary ones. */
  private static String randomText() {
    int[] ranges = {0x00, 0x20, 0x20, 0x80, 0x80, 0x100, 0x100, 0xD800, 0xE000, 0x10000, 0x10000, 0x110000};
    StringBuilder text = new StringBuilder();
    for (int i = RANDOM.nextInt(40); i > 0; i--) {
      int range = RANDOM.nextInt(ranges.length / 2) * 2;
      int codePoint =
          RANDOM.nextInt(4) == 0 ? "\"\\/".charAt(RANDOM.nextInt(3))
              : ranges[range] + RANDOM.nextInt(ranges[range + 1] - ranges[range]);
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  @Test
  void write_bodyOfAnyText_readsBackAsWritten() throws IOException {
    for (int i = 0; i < 5_000; i++) {
      String text = randomText();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      LambdaJson.write(ProxyResponses.of(ApiResponse.json(200, json -> json.writeString(text))), out);
      APIGatewayProxyResponseEvent response =
          LambdaJson.MAPPER.readValue(out.toByteArray(), APIGatewayProxyResponseEvent.class);
      assertEquals(text, LambdaJson.MAPPER.readValue(response.getBody(), String.class));
      assertEquals(200, response.getStatusCode());
    }
  }

  @Test
  void write_leavesTheOutputStreamOpen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("the runtime's stream was closed");
      }
    };
    LambdaJson.write(new StreamsEventResponse(List.of()), out);
    assertEquals("{\"batchItemFailures\":[]}", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void readEvent_dynamodbStreamEvent_readsRecordsAndImages() {
    DynamodbEvent event = read("""
        {"Records":[{"eventID":"1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb",
          "awsRegion":"us-east-1","eventSourceARN":"arn:aws:dynamodb:us-east-1:1:table/t/stream/x",
          "dynamodb":{"ApproximateCreationDateTime":1.7E9,"Keys":{"pk":{"S":"a"}},
            "NewImage":{"pk":{"S":"a"},"n":{"N":"7"},"b":{"BOOL":true},"x":{"NULL":true},"l":{"L":[{"S":"y"}]},
              "m":{"M":{"k":{"S":"v"}}},"bin":{"B":"AAE="}},
            "SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}
        """, DynamodbEvent.class).orElseThrow();
    assertEquals(1, event.getRecords().size());
    DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
    assertEquals("MODIFY", record.getEventName());
    StreamRecord stream = record.getDynamodb();
    assertEquals("111", stream.getSequenceNumber());
    assertEquals("a", stream.getKeys().get("pk").getS());
    assertEquals("7", stream.getNewImage().get("n").getN());
    assertEquals(Boolean.TRUE, stream.getNewImage().get("b").getBOOL());
    assertEquals("v", stream.getNewImage().get("m").getM().get("k").getS());
    assertNull(stream.getOldImage());
    assertNull(stream.getApproximateCreationDateTime(), "read in seconds as if milliseconds it would be wrong");
  }

  @Test
  void jacksonDatabind_isOfTheLineOfTheRelocatedCoreItRunsOnInTheFunctions() {
    var databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
    var sdkCore = software.amazon.awssdk.thirdparty.jackson.core.json.PackageVersion.VERSION;
    assertEquals(sdkCore.getMajorVersion(), databind.getMajorVersion());
    assertEquals(sdkCore.getMinorVersion(), databind.getMinorVersion(),
        "jackson-databind " + databind + " runs on the SDK's jackson-core " + sdkCore + " in the shaded functions");
  }
}
