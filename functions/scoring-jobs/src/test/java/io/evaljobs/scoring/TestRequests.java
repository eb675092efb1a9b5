package io.evaljobs.scoring;

import io.evaljobs.http.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds list requests as the proxy event parser would produce them. */
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

  ApiRequest build() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return new ApiRequest(method, PATH, STAGE_PATH, copy, headers, authorizer, "test-request", false);
  }
}
