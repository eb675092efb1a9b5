package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.http.GatewayCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds list requests as the proxy events API Gateway sends. */
final class TestRequests {
  static final String PATH = "/v2/confidence-scoring/jobs";
  static final String STAGE_PATH = "/v1" + PATH;

  private String method = "GET";
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> authorizer = new LinkedHashMap<>();

  private TestRequests() {}

  static TestRequests forTenant(String customerId, String projectId) {
    TestRequests request = new TestRequests();
    request.authorizer.put("customer_id", customerId);
    request.authorizer.put("project_id", projectId);
    request.headers.put("Host", "api.example.test");
    request.headers.put("X-Forwarded-Proto", "https");
    return request;
  }

  static TestRequests anonymous() {
    return new TestRequests();
  }

  TestRequests method(String value) {
    method = value;
    return this;
  }

  TestRequests param(String name, String value) {
    query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  TestRequests params(Map<String, List<String>> values) {
    values.forEach((name, list) -> list.forEach(v -> param(name, v)));
    return this;
  }

  TestRequests header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  TestRequests withoutHeader(String name) {
    headers.remove(name);
    return this;
  }

  TestRequests authorizer(String name, String value) {
    authorizer.put(name, value);
    return this;
  }

  APIGatewayProxyRequestEvent build() {
    GatewayCall call = GatewayCall.of(method, PATH).withRequest("test-request", "127.0.0.1");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      call = call.withHeader(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        call = call.withQueryParameter(parameter.getKey(), value);
      }
    }
    return call.proxyEvent(authorizer);
  }
}
