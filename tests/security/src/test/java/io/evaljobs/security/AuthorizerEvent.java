package io.evaljobs.security;

import io.evaljobs.http.Json;
import java.util.Map;

/** REQUEST authorizer events as API Gateway sends them to the authorizer of either API. */
final class AuthorizerEvent {
  static final String EVALUATIONS_ARN = "arn:aws:execute-api:eu-west-1:111122223333:abc123defg/v1/GET/evaluations";
  static final String SCORING_ARN =
      "arn:aws:execute-api:eu-west-1:111122223333:hij456klmn/v1/GET/v2/confidence-scoring/jobs";

  private AuthorizerEvent() {}

  static String of(String resource, String methodArn, Map<String, String> headers) {
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
      json.writeStringField("requestId", "security-test");
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  static String evaluations(Map<String, String> headers) {
    return of("/evaluations", EVALUATIONS_ARN, headers);
  }

  static String scoring(Map<String, String> headers) {
    return of("/v2/confidence-scoring/jobs", SCORING_ARN, headers);
  }
}
