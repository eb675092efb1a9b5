package io.evaljobs.security;

import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
import java.util.Map;

/** REQUEST authorizer events as API Gateway sends them to the authorizer of either API. */
final class AuthorizerEvent {
  private AuthorizerEvent() {}

  static String of(String resource, Map<String, String> headers) {
    GatewayCall call =
        GatewayCall.of("GET", resource)
            .at("v1", "/v1" + resource, "eu-west-1", "111122223333", "abc123defg")
            .withRequest("security-test", "127.0.0.1");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      call = call.withHeader(header.getKey(), header.getValue());
    }
    return LambdaJson.toJson(call.authorizerEvent());
  }

  static String evaluations(Map<String, String> headers) {
    return of("/evaluations", headers);
  }

  static String scoring(Map<String, String> headers) {
    return of("/v2/confidence-scoring/jobs", headers);
  }
}
