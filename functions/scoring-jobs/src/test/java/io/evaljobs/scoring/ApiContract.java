package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.ContractValidator;
import io.evaljobs.http.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Runs the handler the way the tests do, checking every response against docs/openapi/scoring-jobs.json. */
final class ApiContract {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiContract() {}

  /** The handler's response to {@code request}, after checking it against the contract. */
  static ApiResponse respond(ListScoringJobsHandler handler, APIGatewayProxyRequestEvent request) {
    ApiResponse response = handler.respond(request);
    assertValid(response);
    return response;
  }

  /** The proxy response the handler streams for a raw event, after checking it against the contract. */
  static JsonNode handle(ListScoringJobsHandler handler, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode proxy = parse(out.toString(StandardCharsets.UTF_8));
    Map<String, String> headers = new TreeMap<>();
    proxy.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    ContractValidator.scoringJobs().assertValid(proxy.path("statusCode").asInt(), headers, proxy.path("body").asText());
    return proxy;
  }

  /** Asserts {@code response} conforms to the contract; returns its parsed body. */
  static JsonNode assertValid(ApiResponse response) {
    ContractValidator.scoringJobs().assertValid(response.statusCode(), response.headers(), response.body());
    return parse(response.body());
  }

  /** Asserts {@code jsonArray} is a 200 body the contract allows (a ScoringJobResponse array). */
  static void assertJobList(String jsonArray) {
    ContractValidator.scoringJobs().assertValid(200, Map.of("Content-Type", "application/json"), jsonArray);
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
