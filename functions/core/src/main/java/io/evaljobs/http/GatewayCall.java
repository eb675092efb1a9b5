package io.evaljobs.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of a REST API, and the events API Gateway sends to Lambda for it: the REQUEST authorizer event and the
 * proxy integration event. For the local API, SnapStart priming and tests.
 *
 * @param resourcePath the API's resource, e.g. /evaluations
 * @param requestPath what requestContext.path says: the path the client called, with the stage where it has one
 */
public record GatewayCall(
    String httpMethod,
    String resourcePath,
    String requestPath,
    String stage,
    Map<String, List<String>> headers,
    Map<String, List<String>> queryParameters,
    String requestId,
    String sourceIp,
    String region,
    String accountId,
    String apiId) {

  public GatewayCall {
    headers = copy(headers);
    queryParameters = copy(queryParameters);
  }

  /** A call of {@code resourcePath} on stage v1 of an execute-api endpoint, with no headers or parameters. */
  public static GatewayCall of(String httpMethod, String resourcePath) {
    return new GatewayCall(httpMethod, resourcePath, "/v1" + resourcePath, "v1", Map.of(), Map.of(), "request-1",
        "127.0.0.1", "us-east-1", "123456789012", "abcdef1234");
  }

  public GatewayCall withHeader(String name, String value) {
    return new GatewayCall(httpMethod, resourcePath, requestPath, stage, append(headers, name, value), queryParameters,
        requestId, sourceIp, region, accountId, apiId);
  }

  public GatewayCall withQueryParameter(String name, String value) {
    return new GatewayCall(httpMethod, resourcePath, requestPath, stage, headers, append(queryParameters, name, value),
        requestId, sourceIp, region, accountId, apiId);
  }

  /** The call on another stage and endpoint: {@code requestPath} is what the client called. */
  public GatewayCall at(String stage, String requestPath, String region, String accountId, String apiId) {
    return new GatewayCall(httpMethod, resourcePath, requestPath, stage, headers, queryParameters, requestId, sourceIp,
        region, accountId, apiId);
  }

  public GatewayCall withRequest(String requestId, String sourceIp) {
    return new GatewayCall(httpMethod, resourcePath, requestPath, stage, headers, queryParameters, requestId, sourceIp,
        region, accountId, apiId);
  }

  public String methodArn() {
    return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + httpMethod
        + resourcePath;
  }

  /** The REQUEST authorizer event, with the multi-value maps API Gateway sends beside the single-value ones. */
  public RequestAuthorizerEvent authorizerEvent() {
    RequestAuthorizerEvent event = new RequestAuthorizerEvent();
    event.setType("REQUEST");
    event.setMethodArn(methodArn());
    event.setResource(resourcePath);
    event.setPath(resourcePath);
    event.setHttpMethod(httpMethod);
    event.setHeaders(single(headers));
    event.setMultiValueHeaders(multi(headers));
    event.setQueryStringParameters(single(queryParameters));
    event.setMultiValueQueryStringParameters(multi(queryParameters));
    APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
    context.setAccountId(accountId);
    context.setApiId(apiId);
    context.setResourcePath(resourcePath);
    context.setHttpMethod(httpMethod);
    context.setPath(requestPath);
    context.setStage(stage);
    context.setRequestId(requestId);
    APIGatewayCustomAuthorizerEvent.Identity identity = new APIGatewayCustomAuthorizerEvent.Identity();
    identity.setSourceIp(sourceIp);
    context.setIdentity(identity);
    event.setRequestContext(context);
    return event;
  }

  /** The proxy event; {@code authorizer} is what the authorizer put in the context, plus its principalId. */
  public APIGatewayProxyRequestEvent proxyEvent(Map<String, String> authorizer) {
    return proxyEvent(authorizer, Optional.empty());
  }

  /** The proxy event of a call that sent a body (which a GET should not). */
  public APIGatewayProxyRequestEvent proxyEvent(Map<String, String> authorizer, Optional<String> body) {
    ProxyRequestContext context = new ProxyRequestContext();
    context.setAccountId(accountId);
    context.setApiId(apiId);
    context.setResourcePath(resourcePath);
    context.setHttpMethod(httpMethod);
    context.setPath(requestPath);
    context.setProtocol("HTTP/1.1");
    context.setStage(stage);
    context.setRequestId(requestId);
    context.setRequestTimeEpoch(System.currentTimeMillis());
    context.setAuthorizer(new LinkedHashMap<>(authorizer));
    RequestIdentity identity = new RequestIdentity();
    identity.setSourceIp(sourceIp);
    userAgent().ifPresent(identity::setUserAgent);
    context.setIdentity(identity);
    return new APIGatewayProxyRequestEvent()
        .withResource(resourcePath)
        .withPath(resourcePath)
        .withHttpMethod(httpMethod)
        .withHeaders(single(headers))
        .withMultiValueHeaders(multi(headers))
        .withQueryStringParameters(single(queryParameters))
        .withMultiValueQueryStringParameters(multi(queryParameters))
        .withRequestContext(context)
        .withBody(body.orElse(null))
        .withIsBase64Encoded(false);
  }

  private Optional<String> userAgent() {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("User-Agent") && !header.getValue().isEmpty())
        .map(header -> header.getValue().get(header.getValue().size() - 1))
        .findFirst();
  }

  /** API Gateway's single-value maps carry the last value; an empty map is null. */
  private static Map<String, String> single(Map<String, List<String>> values) {
    if (values.isEmpty()) {
      return null;
    }
    Map<String, String> last = new LinkedHashMap<>();
    values.forEach((name, list) -> {
      if (!list.isEmpty()) {
        last.put(name, list.get(list.size() - 1));
      }
    });
    return last;
  }

  private static Map<String, List<String>> multi(Map<String, List<String>> values) {
    return values.isEmpty() ? null : new LinkedHashMap<>(values);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, List<String>> append(Map<String, List<String>> values, String name, String value) {
    Map<String, List<String>> more = new LinkedHashMap<>(values);
    List<String> list = new ArrayList<>(more.getOrDefault(name, List.of()));
    list.add(value);
    more.put(name, list);
    return more;
  }
}
