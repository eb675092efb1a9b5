package io.evaljobs.bench;

import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway REST proxy events for a GET with query parameters, as the authorizer's context reaches the function. */
final class ProxyEvents {
  private ProxyEvents() {}

  static byte[] get(String path, Map<String, String> query, Map<String, String> authorizer) {
    GatewayCall call =
        GatewayCall.of("GET", path)
            .withHeader("Accept", "application/json")
            .withHeader("Host", "bench.execute-api.us-east-1.amazonaws.com")
            .withRequest("bench-request", "127.0.0.1");
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      call = call.withQueryParameter(parameter.getKey(), parameter.getValue());
    }
    Map<String, String> context = new LinkedHashMap<>();
    context.put("principalId", "bench-key");
    context.putAll(authorizer);
    return LambdaJson.toJson(call.proxyEvent(context)).getBytes(StandardCharsets.UTF_8);
  }
}
