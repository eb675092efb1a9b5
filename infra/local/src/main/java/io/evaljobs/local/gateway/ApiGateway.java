package io.evaljobs.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.evaljobs.auth.ApiName;
import io.evaljobs.http.GatewayCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Both REST APIs as API Gateway runs them: route by path, refuse a call without the API's key header, ask the
 * REQUEST authorizer, and on Allow hand the proxy event to the API's function. Every refusal is the API's own gateway
 * response from template.yaml. Thread-safe as long as the authorizer and the functions are.
 */
public final class ApiGateway {
  private static final long FUNCTION_TIMEOUT_MILLIS = 15_000;

  private final GatewayResponses responses;
  private final LocalAuthorizer authorizer;
  private final Map<ApiName, RequestStreamHandler> functions;
  private final String region;

  public ApiGateway(
      GatewayResponses responses,
      RequestStreamHandler authorizer,
      Map<ApiName, RequestStreamHandler> functions,
      String region,
      Clock clock) {
    this.responses = responses;
    this.authorizer = new LocalAuthorizer(authorizer, clock);
    this.functions = new EnumMap<>(functions);
    this.region = region;
  }

  /** The answer to one request; {@code requestId} is the id API Gateway would give it. */
  public GatewayReply handle(IncomingRequest request, String requestId) {
    return route(request, requestId).withHeader("x-amzn-RequestId", requestId);
  }

  /** The API a request is for; unknown paths answer in the evaluations API's dialect. */
  public static ApiName apiFor(String path) {
    return ApiName.forPath(path).orElse(ApiName.EVALUATIONS);
  }

  private GatewayReply route(IncomingRequest request, String requestId) {
    Optional<ApiName> found = ApiName.forPath(request.path());
    RequestStreamHandler function = found.map(functions::get).orElse(null);
    if (found.isEmpty() || function == null || !request.httpMethod().equals("GET")) {
      return GatewayReply.of(responses.missingAuthenticationToken(apiFor(request.path())));
    }
    ApiName api = found.get();
    List<String> keys = request.headerValues(api.headerName()).stream().filter(v -> !v.isBlank()).toList();
    if (keys.isEmpty()) {
      // API Gateway answers 401 itself when the identity source is missing; the authorizer is not called.
      return GatewayReply.of(responses.unauthorized(api));
    }
    GatewayCall call =
        LambdaEvents.call(
            requestId,
            request.httpMethod(),
            api.path(),
            forwardedHeaders(request),
            QueryStrings.parse(request.rawQuery()),
            request.sourceIp(),
            region);
    AuthorizerOutcome outcome = authorizer.authorize(api, keys, call);
    if (outcome instanceof AuthorizerOutcome.Allowed allowed) {
      return invoke(api, function, call, allowed.context());
    }
    if (outcome instanceof AuthorizerOutcome.Denied) {
      return GatewayReply.of(responses.accessDenied(api));
    }
    if (outcome instanceof AuthorizerOutcome.Unauthorized) {
      return GatewayReply.of(responses.unauthorized(api));
    }
    return GatewayReply.of(responses.authorizerFailure(api));
  }

  private GatewayReply invoke(
      ApiName api, RequestStreamHandler function, GatewayCall call, Map<String, String> authorizerContext) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      function.handleRequest(
          new ByteArrayInputStream(LambdaEvents.proxyEvent(call, authorizerContext)),
          answer,
          new LambdaContext(call.requestId(), api.wireName() + "-function", FUNCTION_TIMEOUT_MILLIS));
    } catch (Exception e) {
      System.err.println("function of " + api.wireName() + " failed, request " + call.requestId() + ": " + e);
      return GatewayReply.of(responses.integrationFailure(api));
    }
    return LambdaEvents.proxyResponse(answer.toByteArray())
        .flatMap(ApiGateway::replyOf)
        .orElseGet(() -> GatewayReply.of(responses.integrationFailure(api)));
  }

  /** The reply API Gateway makes of a proxy response: empty (a 502) without a valid status or body. */
  private static Optional<GatewayReply> replyOf(APIGatewayProxyResponseEvent response) {
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    if (status < 100 || status > 599) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> {
        if (value != null) {
          headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      });
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> {
        if (values != null) {
          values.stream().filter(Objects::nonNull)
              .forEach(value -> headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
      });
    }
    String body = response.getBody() == null ? "" : response.getBody();
    try {
      byte[] bytes =
          Boolean.TRUE.equals(response.getIsBase64Encoded())
              ? Base64.getDecoder().decode(body)
              : body.getBytes(StandardCharsets.UTF_8);
      return Optional.of(new GatewayReply(status, headers, bytes));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** The client's headers plus the ones API Gateway adds for the backend. */
  private static Map<String, List<String>> forwardedHeaders(IncomingRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.mergedHeaders());
    if (request.headerValues("X-Forwarded-For").isEmpty()) {
      headers.put("X-Forwarded-For", List.of(request.sourceIp()));
    }
    if (request.headerValues("X-Forwarded-Proto").isEmpty()) {
      headers.put("X-Forwarded-Proto", List.of("http"));
    }
    return headers;
  }
}
