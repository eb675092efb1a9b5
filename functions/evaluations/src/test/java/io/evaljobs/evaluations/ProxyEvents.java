package io.evaljobs.evaluations;

import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
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
    GatewayCall call =
        GatewayCall.of(method, "/evaluations").withHeader("X-API-Key", "test-key").withRequest("test-request", "127.0.0.1");
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        call = call.withQueryParameter(parameter.getKey(), value);
      }
    }
    Map<String, String> authorizer =
        organization.map(org -> Map.of("organization", org, "principalId", "key-1")).orElse(Map.of());
    return escapeSurrogates(LambdaJson.toJson(call.proxyEvent(authorizer)));
  }

  /**
   * Writes every UTF-16 surrogate as a JSON escape, the only way a lone one can reach the function: it has no UTF-8
   * form, so the event's bytes would otherwise carry a '?' in its place. Well-formed pairs read back unchanged.
   */
  private static String escapeSurrogates(String json) {
    StringBuilder escaped = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isSurrogate(c)) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
