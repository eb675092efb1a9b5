package io.evaljobs.evaluations;

import io.evaljobs.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API Gateway REST proxy events for GET /evaluations, shaped like the ones API Gateway sends. */
final class ProxyEvents {
  private final String method;
  private final Optional<String> organization;
  private final Map<String, List<String>> parameters = new LinkedHashMap<>();

  private ProxyEvents(String method, Optional<String> organization) {
    this.method = method;
    this.organization = organization;
  }

  static ProxyEvents get(String organization) {
    return new ProxyEvents("GET", Optional.of(organization));
  }

  static ProxyEvents withoutTenant() {
    return new ProxyEvents("GET", Optional.empty());
  }

  static ProxyEvents method(String method, String organization) {
    return new ProxyEvents(method, Optional.of(organization));
  }

  ProxyEvents param(String name, String value) {
    parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  ProxyEvents params(Map<String, String> values) {
    values.forEach(this::param);
    return this;
  }

  String json() {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("resource", "/evaluations");
      json.writeStringField("path", "/evaluations");
      json.writeStringField("httpMethod", method);
      json.writeObjectFieldStart("headers");
      json.writeStringField("X-API-Key", "test-key");
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
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("resourcePath", "/evaluations");
      json.writeStringField("httpMethod", method);
      json.writeStringField("path", "/v1/evaluations");
      json.writeStringField("stage", "v1");
      json.writeStringField("requestId", "test-request");
      if (organization.isPresent()) {
        json.writeObjectFieldStart("authorizer");
        json.writeStringField("organization", organization.get());
        json.writeStringField("principalId", "key-1");
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeNullField("body");
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    });
  }
}
