package io.evaljobs.security;

import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An API Gateway REST proxy event as API Gateway sends it, with the parts a hostile or broken gateway could vary. */
final class ProxyEvent {
  private final String path;
  private String method = "GET";
  private final Map<String, List<String>> parameters = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Optional<Map<String, String>> authorizer = Optional.empty();
  private Optional<String> body = Optional.empty();

  private ProxyEvent(String path) {
    this.path = path;
  }

  static ProxyEvent get(String path) {
    ProxyEvent event = new ProxyEvent(path);
    event.headers.put("Host", "api.example.test");
    return event;
  }

  ProxyEvent method(String value) {
    method = value;
    return this;
  }

  ProxyEvent param(String name, String value) {
    parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  ProxyEvent header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  ProxyEvent authorizer(Map<String, String> context) {
    authorizer = Optional.of(new LinkedHashMap<>(context));
    return this;
  }

  ProxyEvent body(String value) {
    body = Optional.of(value);
    return this;
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  String json() {
    GatewayCall call = GatewayCall.of(method, path).withRequest("security-test", "127.0.0.1");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      call = call.withHeader(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        call = call.withQueryParameter(parameter.getKey(), value);
      }
    }
    return LambdaJson.toJson(call.proxyEvent(authorizer.orElse(Map.of()), body));
  }
}
