package io.evaljobs.auth;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

  AuthorizerPolicy authorize(AuthorizerRequest request, AuthorizerLog log) {
    MethodArn arn =
        MethodArn.parse(request.methodArn())
            .orElseThrow(() -> new UnauthorizedException("event has no valid methodArn"));
    Optional<ApiName> api = ApiName.forPath(request.resourcePath());
    if (api.isEmpty()) {
      log.line("authorizer: deny, no API is guarded at this resource");
      return AuthorizerPolicy.deny(NO_PRINCIPAL, request.methodArn());
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
      return AuthorizerPolicy.deny(key.keyId(), resource);
    }
    if (key.expiredAt(clock.instant())) {
      log.line("authorizer: deny expired key " + subject);
      return AuthorizerPolicy.deny(key.keyId(), resource);
    }
    if (key.api() != api.get()) {
      log.line("authorizer: deny key of api=" + key.api().wireName() + " " + subject);
      return AuthorizerPolicy.deny(key.keyId(), resource);
    }
    log.line("authorizer: allow " + subject);
    return AuthorizerPolicy.allow(key.keyId(), resource, context(key));
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

  private static Map<String, String> context(ApiKeyRecord key) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("api", key.api().wireName());
    context.put("key_id", key.keyId());
    context.putAll(key.tenant().authorizerContext());
    return context;
  }
}
