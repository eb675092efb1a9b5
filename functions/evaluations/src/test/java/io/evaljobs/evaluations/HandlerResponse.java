package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.ContractValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A proxy response as the handler wrote it, checked against the API's OpenAPI document, with its body parsed. */
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
      int status = response.get("statusCode").asInt();
      String body = response.get("body").asText();
      ContractValidator.evaluations().assertValid(status, headers(response.get("headers")), body);
      return new HandlerResponse(status, response.get("headers"), MAPPER.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> headers(JsonNode headers) {
    Map<String, String> byName = new TreeMap<>();
    headers.fields().forEachRemaining(header -> byName.put(header.getKey(), header.getValue().asText()));
    return byName;
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
