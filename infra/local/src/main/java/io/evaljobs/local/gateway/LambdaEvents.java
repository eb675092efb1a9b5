package io.evaljobs.local.gateway;

import io.evaljobs.http.GatewayEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The events of one call of the local API: stage "local", called without a stage in the path. */
final class LambdaEvents {
  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";
  static final String STAGE = "local";

  private LambdaEvents() {}

  static GatewayEvents.Call call(
      String requestId,
      String httpMethod,
      String resourcePath,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParameters,
      String sourceIp,
      String region) {
    return new GatewayEvents.Call(httpMethod, resourcePath, resourcePath, STAGE, headers, queryParameters, requestId,
        sourceIp, region, ACCOUNT_ID, API_ID);
  }

  static byte[] authorizerEvent(GatewayEvents.Call call) {
    return GatewayEvents.authorizerEvent(call).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] proxyEvent(GatewayEvents.Call call, Map<String, String> authorizer) {
    return GatewayEvents.proxyEvent(call, authorizer).getBytes(StandardCharsets.UTF_8);
  }
}
