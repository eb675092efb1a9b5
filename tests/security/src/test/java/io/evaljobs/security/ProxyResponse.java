package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.ContractValidator;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.scoring.ListScoringJobsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A list handler's proxy response, checked to be one API Gateway can relay: status, string headers, string body. */
record ProxyResponse(int status, Map<String, String> headers, String body) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Drives the handler exactly as the Lambda runtime does for a stream handler: raw event bytes in, bytes out. */
  static ProxyResponse call(RequestStreamHandler handler, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProxyResponse response = parse(out.toByteArray());
    contractOf(handler).ifPresent(c -> c.assertValid(response.status(), response.headers(), response.body()));
    return response;
  }

  /** Every response of a list handler is checked against its API's OpenAPI document. */
  private static Optional<ContractValidator> contractOf(RequestStreamHandler handler) {
    if (handler instanceof ListEvaluationsHandler) {
      return Optional.of(ContractValidator.evaluations());
    }
    if (handler instanceof ListScoringJobsHandler) {
      return Optional.of(ContractValidator.scoringJobs());
    }
    return Optional.empty();
  }

  static ProxyResponse parse(byte[] output) {
    JsonNode root;
    try {
      root = MAPPER.readTree(output);
    } catch (IOException e) {
      throw new AssertionError("the handler wrote something that is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      fail("the proxy response is not a JSON object");
    }
    JsonNode status = root.get("statusCode");
    assertTrue(status != null && status.isInt(), "statusCode must be an integer");
    JsonNode headerNode = root.get("headers");
    assertTrue(headerNode != null && headerNode.isObject(), "headers must be an object");
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      assertTrue(h.getValue().isTextual(), "header " + h.getKey() + " must be a string");
      headers.put(h.getKey(), h.getValue().asText());
    }
    JsonNode body = root.get("body");
    assertTrue(body != null && body.isTextual(), "body must be a string");
    JsonNode base64 = root.get("isBase64Encoded");
    assertTrue(base64 == null || (base64.isBoolean() && !base64.asBoolean()), "isBase64Encoded must be false");
    return new ProxyResponse(status.asInt(), headers, body.asText());
  }

  JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("status " + status + " body is not JSON: " + abbreviated(), e);
    }
  }

  Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  void assertStatus(int expected) {
    assertEquals(expected, status, () -> "status of response " + abbreviated());
  }

  String abbreviated() {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
