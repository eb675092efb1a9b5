package io.evaljobs.auth;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one request: no usable key is {@link UnauthorizedException} (gateway response UNAUTHORIZED), and so is a
 * key not of {@link ApiKeyFormat}'s shape, refused before any read; a known key that is revoked, expired or belongs
 * to the other API is an explicit Deny (ACCESS_DENIED, which each API words in its own dialect); otherwise Allow of
 * the API's one GET route, with the key's tenant in the context.
 */
final class ApiKeyAuthorizer {
  /** Principal of a Deny issued before any key was looked at. */
  private static final String NO_PRINCIPAL = "anonymous";

  private final ApiKeyLookup lookup;
  private final Clock clock;

  ApiKeyAuthorizer(ApiKeyLookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  IamPolicyResponse authorize(AuthorizerRequest request, AuthorizerLog log) {
    MethodArn arn =
        MethodArn.parse(request.methodArn())
            .orElseThrow(() -> new UnauthorizedException("event has no valid methodArn"));
    Optional<ApiName> api = ApiName.forPath(request.resourcePath());
    if (api.isEmpty()) {
      log.line("authorizer: deny, no API is guarded at this resource");
      return deny(NO_PRINCIPAL, request.methodArn());
    }
    String resource = arn.route(api.get());
    String presented = presentedKey(request, api.get());
    if (!ApiKeyFormat.isWellFormed(presented)) {
      throw new UnauthorizedException("malformed key of " + presented.length() + " characters");
    }
    KeyHash hash = KeyHash.of(presented);
    ApiKeyRecord key =
        lookup
            .find(hash)
            .orElseThrow(() -> new UnauthorizedException("unknown key, hash " + hash.logPrefix() + "..."));
    String subject = "key_id=" + key.keyId() + " api=" + api.get().wireName();
    if (key.revoked()) {
      log.line("authorizer: deny revoked key " + subject);
      return deny(key.keyId(), resource);
    }
    if (key.expiredAt(clock.instant())) {
      log.line("authorizer: deny expired key " + subject);
      return deny(key.keyId(), resource);
    }
    if (key.api() != api.get()) {
      log.line("authorizer: deny key of api=" + key.api().wireName() + " " + subject);
      return deny(key.keyId(), resource);
    }
    log.line("authorizer: allow " + subject);
    return allow(key.keyId(), resource, context(key));
  }

  /** The one key in the API's header; several different values are as unusable as none. */
  private static String presentedKey(AuthorizerRequest request, ApiName api) {
    Set<String> values = request.headerValues(api.headerName());
    if (values.size() > 1) {
      throw new UnauthorizedException("several different values in " + api.headerName());
    }
    return values.stream()
        .filter(value -> !value.isBlank())
        .findFirst()
        .orElseThrow(() -> new UnauthorizedException("no key in " + api.headerName()));
  }

  /** Allow of {@code resource}, handing {@code context} (the tenant) to the backend. */
  static IamPolicyResponse allow(String principalId, String resource, Map<String, Object> context) {
    return policy(principalId, IamPolicyResponse.allowStatement(resource), context);
  }

  /** Deny of {@code resource}; no context, so no tenant reaches a backend. */
  static IamPolicyResponse deny(String principalId, String resource) {
    return policy(principalId, IamPolicyResponse.denyStatement(resource), null);
  }

  private static IamPolicyResponse policy(
      String principalId, IamPolicyResponse.Statement statement, Map<String, Object> context) {
    return IamPolicyResponse.builder()
        .withPrincipalId(principalId)
        .withPolicyDocument(
            IamPolicyResponse.PolicyDocument.builder()
                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                .withStatement(List.of(statement))
                .build())
        .withContext(context)
        .build();
  }

  private static Map<String, Object> context(ApiKeyRecord key) {
    Map<String, Object> context = new TreeMap<>();
    context.put("api", key.api().wireName());
    context.put("key_id", key.keyId());
    context.putAll(key.tenant().authorizerContext());
    return context;
  }
}
