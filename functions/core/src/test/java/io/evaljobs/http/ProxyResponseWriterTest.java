package io.evaljobs.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyResponseWriterTest {
  private static final Random RANDOM = new Random(29);

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

  /** The body string of a proxy response document, read back with a JSON parser. */
  private static String bodyOf(byte[] document) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(document)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if ("body".equals(name)) {
          return parser.getText();
        }
        parser.skipChildren();
      }
    }
    throw new AssertionError("no body in " + new String(document, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String onlyString(String json) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
      return parser.getText();
    }
  }

  @Test
  void write_bodyWrittenToBytes_isEmbeddedEscapedAndReadsBackAsWritten() throws IOException {
    for (int i = 0; i < 5_000; i++) {
      String text = randomText();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ProxyResponseWriter.write(ApiResponse.json(200, json -> json.writeString(text)), out);
      String body = bodyOf(out.toByteArray());
      assertEquals(text, onlyString(body));
    }
  }

  @Test
  void json_sameBodyAsStringOrAsWriter_isTheSameResponse() {
    for (int i = 0; i < 1_000; i++) {
      String text = randomText();
      ApiResponse written = ApiResponse.json(200, json -> json.writeString(text));
      ApiResponse given = ApiResponse.json(200, Json.write(json -> json.writeString(text)));
      assertEquals(given, written);
      assertEquals(given.hashCode(), written.hashCode());
      assertEquals(given.body(), written.body());
    }
    assertNotEquals(ApiResponse.json(200, "[]"), ApiResponse.json(200, "{}"));
    assertNotEquals(ApiResponse.json(200, "[]"), ApiResponse.json(200, "[]").withHeader("Link", "<x>"));
  }

  @Test
  void bodyBytes_changedByTheCaller_leaveTheResponseAsItWas() {
    ApiResponse response = ApiResponse.json(200, "[1]");
    response.bodyBytes()[1] = '2';
    assertEquals("[1]", response.body());
  }
}
