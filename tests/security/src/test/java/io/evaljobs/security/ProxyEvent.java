package io.evaljobs.security;

import io.evaljobs.http.Json;
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
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("resource", path);
      json.writeStringField("path", path);
      json.writeStringField("httpMethod", method);
      json.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        json.writeStringField(h.getKey(), h.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("multiValueHeaders");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        json.writeArrayFieldStart(h.getKey());
        json.writeString(h.getValue());
        json.writeEndArray();
      }
      json.writeEndObject();
      if (parameters.isEmpty()) {
        json.writeNullField("queryStringParameters");
        json.writeNullField("multiValueQueryStringParameters");
      } else {
        json.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
          json.writeStringField(p.getKey(), p.getValue().get(p.getValue().size() - 1));
        }
        json.writeEndObject();
        json.writeObjectFieldStart("multiValueQueryStringParameters");
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
          json.writeArrayFieldStart(p.getKey());
          for (String v : p.getValue()) {
            json.writeString(v);
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeNullField("pathParameters");
      json.writeNullField("stageVariables");
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("resourcePath", path);
      json.writeStringField("httpMethod", method);
      json.writeStringField("path", "/v1" + path);
      json.writeStringField("stage", "v1");
      json.writeStringField("requestId", "security-test");
      if (authorizer.isPresent()) {
        json.writeObjectFieldStart("authorizer");
        for (Map.Entry<String, String> a : authorizer.get().entrySet()) {
          json.writeStringField(a.getKey(), a.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      if (body.isPresent()) {
        json.writeStringField("body", body.get());
      } else {
        json.writeNullField("body");
      }
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    });
  }
}
