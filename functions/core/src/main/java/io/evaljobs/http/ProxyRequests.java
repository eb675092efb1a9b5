package io.evaljobs.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the list handlers read of an API Gateway proxy event, with the event's gaps filled: a field API Gateway sends
 * as null (no parameters, no headers, no authorizer) reads as empty.
 */
public final class ProxyRequests {
  private ProxyRequests() {}

  public static String httpMethod(APIGatewayProxyRequestEvent event) {
    return Objects.requireNonNullElse(event.getHttpMethod(), "");
  }

  /** The resource path as the API defines it, e.g. /evaluations. */
  public static String path(APIGatewayProxyRequestEvent event) {
    return Objects.requireNonNullElse(event.getPath(), "");
  }

  /** The path the client called, with any stage prefix (requestContext.path); the resource path if not given. */
  public static String requestPath(APIGatewayProxyRequestEvent event) {
    return context(event).map(ProxyRequestContext::getPath).filter(p -> !p.isEmpty()).orElse(path(event));
  }

  public static String requestId(APIGatewayProxyRequestEvent event) {
    return context(event).map(ProxyRequestContext::getRequestId).orElse("");
  }

  /**
   * Every query parameter with all its values, in name order: the multi-value map where API Gateway sends one,
   * since the single-value map keeps only the last of repeated values.
   */
  public static Map<String, List<String>> queryParameters(APIGatewayProxyRequestEvent event) {
    Map<String, List<String>> parameters = new TreeMap<>();
    if (event.getMultiValueQueryStringParameters() != null) {
      event.getMultiValueQueryStringParameters().forEach((name, values) -> {
        if (name != null) {
          parameters.put(name, values == null ? List.of() : values.stream().filter(Objects::nonNull).toList());
        }
      });
    } else if (event.getQueryStringParameters() != null) {
      event.getQueryStringParameters().forEach((name, value) -> {
        if (name != null && value != null) {
          parameters.put(name, List.of(value));
        }
      });
    }
    return Collections.unmodifiableMap(parameters);
  }

  /** The header's value, matched case-insensitively as HTTP requires; the single-value map first. */
  public static Optional<String> header(APIGatewayProxyRequestEvent event, String name) {
    Optional<String> single = valueOf(event.getHeaders(), name);
    if (single.isPresent()) {
      return single;
    }
    return valueOf(event.getMultiValueHeaders(), name)
        .flatMap(values -> values.stream().filter(Objects::nonNull).findFirst());
  }

  /**
   * A value the authorizer put into the request context: the only trusted source of the tenant. Only text, number
   * and boolean values count, as API Gateway passes only those; an empty value is none.
   */
  public static Optional<String> authorizerValue(APIGatewayProxyRequestEvent event, String name) {
    return context(event)
        .map(ProxyRequestContext::getAuthorizer)
        .map(authorizer -> authorizer.get(name))
        .filter(value -> value instanceof String || value instanceof Number || value instanceof Boolean)
        .map(String::valueOf)
        .filter(value -> !value.isEmpty());
  }

  private static Optional<ProxyRequestContext> context(APIGatewayProxyRequestEvent event) {
    return Optional.ofNullable(event.getRequestContext());
  }

  private static <V> Optional<V> valueOf(Map<String, V> values, String name) {
    if (values == null) {
      return Optional.empty();
    }
    V exact = values.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return values.entrySet().stream()
        .filter(entry -> name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null)
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
