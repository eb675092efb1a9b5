package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A proxy response as the handler wrote it, with its body parsed. */
record HandlerResponse(int status, JsonNode headers, JsonNode body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static HandlerResponse invoke(RequestStreamHandler handler, String event) {
    return invoke(handler, event.getBytes(StandardCharsets.UTF_8));
  }

  static HandlerResponse invoke(RequestStreamHandler handler, byte[] event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      JsonNode response = MAPPER.readTree(out.toByteArray());
      return new HandlerResponse(
          response.get("statusCode").asInt(), response.get("headers"), MAPPER.readTree(response.get("body").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String error() {
    return body.path("error").asText();
  }

  String parameter() {
    return body.path("parameter").asText();
  }

  String message() {
    return body.path("message").asText();
  }
}
