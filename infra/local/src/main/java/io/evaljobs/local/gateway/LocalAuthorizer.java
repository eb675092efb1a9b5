package io.evaljobs.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.auth.ApiName;
import io.evaljobs.http.GatewayCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the REQUEST authorizer the way API Gateway does, including its policy cache: an answer is kept per API and
 * identity source (the key header's value) for the APIs' ReauthorizeEvery, and re-evaluated against each method.
 * Failures are never cached.
 */
final class LocalAuthorizer {
  /** The default of template.yaml's AuthorizerCacheTtlSeconds, which both APIs' ReauthorizeEvery take. */
  static final Duration CACHE_TTL = Duration.ofSeconds(60);

  private static final long TIMEOUT_MILLIS = 10_000;

  private final RequestStreamHandler authorizer;
  private final Clock clock;
  private final Map<CacheKey, CachedAnswer> cache = new ConcurrentHashMap<>();

  LocalAuthorizer(RequestStreamHandler authorizer, Clock clock) {
    this.authorizer = authorizer;
    this.clock = clock;
  }

  AuthorizerOutcome authorize(ApiName api, List<String> identitySource, GatewayCall call) {
    CacheKey key = new CacheKey(api, String.join(",", identitySource));
    Instant now = clock.instant();
    CachedAnswer cached = cache.get(key);
    if (cached != null && now.isBefore(cached.expires())) {
      return PolicyEvaluation.evaluate(cached.answer(), call.methodArn());
    }
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      authorizer.handleRequest(
          new ByteArrayInputStream(LambdaEvents.authorizerEvent(call)),
          answer,
          new LambdaContext(call.requestId(), "AuthorizerFunction", TIMEOUT_MILLIS));
    } catch (Exception e) {
      // The Lambda runtime reports a thrown exception as the function error; "Unauthorized" is API Gateway's 401.
      return GatewayResponses.UNAUTHORIZED_MESSAGE.equals(e.getMessage())
          ? new AuthorizerOutcome.Unauthorized()
          : new AuthorizerOutcome.Failed(e.getClass().getSimpleName());
    }
    byte[] bytes = answer.toByteArray();
    AuthorizerOutcome outcome = PolicyEvaluation.evaluate(bytes, call.methodArn());
    if (!(outcome instanceof AuthorizerOutcome.Failed)) {
      cache.put(key, new CachedAnswer(bytes, now.plus(CACHE_TTL)));
    }
    return outcome;
  }

  private record CacheKey(ApiName api, String identity) {}

  private record CachedAnswer(byte[] answer, Instant expires) {}
}
