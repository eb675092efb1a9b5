package io.evaljobs.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** The authorizer's answer in the shape API Gateway expects: principal, IAM policy, and context for the backend. */
record AuthorizerPolicy(String principalId, Effect effect, String resource, Map<String, String> context) {
  enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String wire;

    Effect(String wire) {
      this.wire = wire;
    }
  }

  AuthorizerPolicy {
    context = Map.copyOf(context);
  }

  static AuthorizerPolicy allow(String principalId, String resource, Map<String, String> context) {
    return new AuthorizerPolicy(principalId, Effect.ALLOW, resource, context);
  }

  static AuthorizerPolicy deny(String principalId, String resource) {
    return new AuthorizerPolicy(principalId, Effect.DENY, resource, Map.of());
  }

  void writeTo(OutputStream out) throws IOException {
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("principalId", principalId);
      json.writeObjectFieldStart("policyDocument");
      json.writeStringField("Version", "2012-10-17");
      json.writeArrayFieldStart("Statement");
      json.writeStartObject();
      json.writeStringField("Action", "execute-api:Invoke");
      json.writeStringField("Effect", effect.wire);
      json.writeStringField("Resource", resource);
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      if (!context.isEmpty()) {
        json.writeObjectFieldStart("context");
        for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
  }
}
