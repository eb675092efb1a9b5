package io.evaljobs.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** Writes an {@link ApiResponse} as the proxy integration's response document. */
public final class ProxyResponseWriter {
  private ProxyResponseWriter() {}

  public static void write(ApiResponse response, OutputStream output) throws IOException {
    try (JsonGenerator json = Json.FACTORY.createGenerator(output)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", response.statusCode());
      json.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> header : new TreeMap<>(response.headers()).entrySet()) {
        json.writeStringField(header.getKey(), header.getValue());
      }
      json.writeEndObject();
      json.writeFieldName("body");
      byte[] body = response.utf8Body();
      json.writeUTF8String(body, 0, body.length);
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    }
  }
}
