package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.ContractValidator;
import io.evaljobs.http.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
      JsonNode response = checkedResponse(handler, event);
      return new HandlerResponse(
          response.get("statusCode").asInt(), response.get("headers"), MAPPER.readTree(response.get("body").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body's text exactly as written (a parsed body no longer tells {@code 40} from {@code 40.0} everywhere). */
  static String invokeForBody(RequestStreamHandler handler, String event) {
    try {
      return checkedResponse(handler, event.getBytes(StandardCharsets.UTF_8)).get("body").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jobs as the API lists them, parsed as a response body is, to compare with a body's {@code jobs}. */
  static JsonNode listed(List<EvaluationJob> jobs) {
    try {
      return MAPPER.readTree(Json.write(json -> {
        json.writeStartArray();
        for (EvaluationJob job : jobs) {
          EvaluationJobJson.write(json, job);
        }
        json.writeEndArray();
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode checkedResponse(RequestStreamHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    JsonNode response = MAPPER.readTree(out.toByteArray());
    ContractValidator.evaluations().assertValid(
        response.get("statusCode").asInt(), headers(response.get("headers")), response.get("body").asText());
    return response;
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
