package io.evaljobs.auth;

import io.evaljobs.http.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds REQUEST authorizer events the way API Gateway sends them for the two APIs. */
final class AuthorizerEvents {
  static final String EVALUATIONS_ARN = "arn:aws:execute-api:eu-west-1:111122223333:abc123defg/v1/GET/evaluations";
  static final String SCORING_ARN =
      "arn:aws:execute-api:eu-west-1:111122223333:hij456klmn/prod/GET/v2/confidence-scoring/jobs";

  private AuthorizerEvents() {}

  static String event(String resource, String methodArn, Map<String, String> headers) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("type", "REQUEST");
      json.writeStringField("methodArn", methodArn);
      json.writeStringField("resource", resource);
      json.writeStringField("path", resource);
      json.writeStringField("httpMethod", "GET");
      json.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        json.writeStringField(header.getKey(), header.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("multiValueHeaders");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        json.writeArrayFieldStart(header.getKey());
        json.writeString(header.getValue());
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("requestId", "req-1");
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  static String evaluations(Map<String, String> headers) {
    return event("/evaluations", EVALUATIONS_ARN, headers);
  }

  static String scoring(Map<String, String> headers) {
    return event("/v2/confidence-scoring/jobs", SCORING_ARN, headers);
  }

  static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
