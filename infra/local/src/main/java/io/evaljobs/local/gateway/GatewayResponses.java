package io.evaljobs.local.gateway;

import io.evaljobs.auth.ApiName;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.tables.TemplateDocument;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The gateway responses of both REST APIs, read from template.yaml so that local answers and deployed answers are
 * the same bytes. Response types missing from the template fall back to API Gateway's own defaults.
 */
public final class GatewayResponses {
  private static final Map<ApiName, String> API_LOGICAL_IDS =
      Map.of(ApiName.EVALUATIONS, "EvaluationsApi", ApiName.SCORING, "ScoringApi");

  /** API Gateway's answer when a REQUEST authorizer fails with "Unauthorized". */
  static final String UNAUTHORIZED_MESSAGE = "Unauthorized";

  /** API Gateway's answer when the policy denies the call. */
  static final String ACCESS_DENIED_MESSAGE = "User is not authorized to access this resource";

  /** API Gateway's answer for a path or method the API does not define. */
  static final String MISSING_TOKEN_MESSAGE = "Missing Authentication Token";

  private final Map<ApiName, Map<String, GatewayResponse>> responses;

  private GatewayResponses(Map<ApiName, Map<String, GatewayResponse>> responses) {
    this.responses = responses;
  }

  public static GatewayResponses fromTemplate(TemplateDocument template) {
    Map<ApiName, Map<String, GatewayResponse>> all = new EnumMap<>(ApiName.class);
    for (ApiName api : ApiName.values()) {
      Map<String, GatewayResponse> byType = new LinkedHashMap<>();
      Object declared = template.properties(API_LOGICAL_IDS.get(api)).get("GatewayResponses");
      if (declared instanceof Map<?, ?> types) {
        types.forEach((type, definition) -> byType.put(String.valueOf(type), parse(definition)));
      }
      all.put(api, Map.copyOf(byType));
    }
    return new GatewayResponses(all);
  }

  ApiResponse unauthorized(ApiName api) {
    return find(api, "UNAUTHORIZED", "DEFAULT_4XX").render(401, UNAUTHORIZED_MESSAGE);
  }

  ApiResponse accessDenied(ApiName api) {
    return find(api, "ACCESS_DENIED", "DEFAULT_4XX").render(403, ACCESS_DENIED_MESSAGE);
  }

  ApiResponse missingAuthenticationToken(ApiName api) {
    return find(api, "MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX").render(403, MISSING_TOKEN_MESSAGE);
  }

  ApiResponse authorizerFailure(ApiName api) {
    return find(api, "AUTHORIZER_FAILURE", "DEFAULT_5XX").render(500, null);
  }

  ApiResponse integrationFailure(ApiName api) {
    return find(api, "INTEGRATION_FAILURE", "DEFAULT_5XX").render(502, "Internal server error");
  }

  private GatewayResponse find(ApiName api, String type, String fallbackType) {
    Map<String, GatewayResponse> byType = responses.get(api);
    GatewayResponse response = byType.get(type);
    if (response == null) {
      response = byType.get(fallbackType);
    }
    if (response == null) {
      response = new GatewayResponse(OptionalInt.empty(), Map.of(), "{\"message\":$context.error.messageString}");
    }
    return response;
  }

  private static GatewayResponse parse(Object definition) {
    if (!(definition instanceof Map<?, ?> properties)) {
      throw new IllegalArgumentException("a gateway response must be a mapping");
    }
    OptionalInt status = OptionalInt.empty();
    Object code = properties.get("StatusCode");
    if (code != null) {
      status = OptionalInt.of(Integer.parseInt(String.valueOf(code).trim()));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (properties.get("ResponseParameters") instanceof Map<?, ?> parameters
        && parameters.get("Headers") instanceof Map<?, ?> declaredHeaders) {
      declaredHeaders.forEach((name, value) -> headers.put(String.valueOf(name), unquote(String.valueOf(value))));
    }
    String body = "{\"message\":$context.error.messageString}";
    if (properties.get("ResponseTemplates") instanceof Map<?, ?> templates
        && templates.get("application/json") != null) {
      body = String.valueOf(templates.get("application/json"));
    }
    return new GatewayResponse(status, headers, body);
  }

  /** Static header values are single-quoted string literals in API Gateway's mapping syntax. */
  private static String unquote(String value) {
    String trimmed = value.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}
