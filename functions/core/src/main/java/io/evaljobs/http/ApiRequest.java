package io.evaljobs.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One API Gateway proxy request, reduced to what the list handlers read.
 *
 * @param path the resource path as the API defines it, e.g. /evaluations
 * @param requestPath the path the client called, with any stage prefix (requestContext.path); equals {@code path}
 *     when the event does not say
 */
public record ApiRequest(
    String httpMethod,
    String path,
    String requestPath,
    Map<String, List<String>> queryParameters,
    Map<String, String> headers,
    Map<String, String> authorizerContext,
    String requestId,
    boolean hasBody) {

  public ApiRequest {
    queryParameters = Collections.unmodifiableMap(new TreeMap<>(queryParameters));
    TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    headers = Collections.unmodifiableMap(caseInsensitive);
    authorizerContext = Map.copyOf(authorizerContext);
  }

  /** The header's value, matched case-insensitively as HTTP requires. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A value the authorizer put into the request context; the only trusted source of the tenant. */
  public Optional<String> authorizerValue(String name) {
    return Optional.ofNullable(authorizerContext.get(name)).filter(v -> !v.isEmpty());
  }
}
