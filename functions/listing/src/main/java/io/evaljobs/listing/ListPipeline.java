package io.evaljobs.listing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.MethodNotAllowedException;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.http.ProxyResponses;
import io.evaljobs.http.UnauthenticatedException;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.observability.RequestOutcome;
import io.evaljobs.observability.ServerFailures;
import io.evaljobs.observability.Throttling;
import io.evaljobs.paging.PageRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one path of a list request: read the event, check the method and the tenant, parse, read, write, and write one
 * request log line however it ended. Every failure is answered in the endpoint's {@link ErrorDialect}.
 */
public final class ListPipeline<K, Q, T> {
  private static final String ALLOWED_METHOD = "GET";

  private final ListEndpoint<K, Q, T> endpoint;
  private final RequestLogLine requestLog;

  public ListPipeline(ListEndpoint<K, Q, T> endpoint, RequestLogLine requestLog) {
    this.endpoint = endpoint;
    this.requestLog = requestLog;
  }

  /** Reads the proxy event with the shared ObjectMapper; an event it cannot read is the client's bad request. */
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    Optional<APIGatewayProxyRequestEvent> event = LambdaJson.readEvent(input, APIGatewayProxyRequestEvent.class);
    ApiResponse response = event.isPresent() ? respond(event.get(), started) : unreadable(context, started);
    LambdaJson.write(ProxyResponses.of(response), output);
  }

  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent request) {
    return ProxyResponses.of(respond(request));
  }

  public ApiResponse respond(APIGatewayProxyRequestEvent request) {
    return respond(request, System.nanoTime());
  }

  private ApiResponse respond(APIGatewayProxyRequestEvent request, long started) {
    Optional<K> tenant = endpoint.tenant(request);
    Optional<String> tenantKey = tenant.map(endpoint::tenantKey);
    String requestId = ProxyRequests.requestId(request);
    Map<String, List<String>> parameters = ProxyRequests.queryParameters(request);
    Optional<Q> query = Optional.empty();
    try {
      String method = ProxyRequests.httpMethod(request);
      if (!ALLOWED_METHOD.equals(method)) {
        throw new MethodNotAllowedException(method, ALLOWED_METHOD);
      }
      K owner = tenant.orElseThrow(UnauthenticatedException::new);
      query = Optional.of(endpoint.parse(owner, parameters));
      PageRead<T> read = endpoint.read(owner, query.get());
      ApiResponse response = endpoint.write(request, owner, query.get(), read);
      QueryShape shape = endpoint.shape(parameters, query, read.index());
      record(requestId, tenantKey, shape, read.stats(), read.page().items().size(), response, started, false);
      return response;
    } catch (RuntimeException e) {
      ApiResponse response = endpoint.errors().toResponse(e);
      if (response.statusCode() >= 500) {
        ServerFailures.log(endpoint.name(), requestId, e);
      }
      QueryShape shape = endpoint.shape(parameters, query, Optional.empty());
      record(requestId, tenantKey, shape, ReadStats.NONE, 0, response, started, Throttling.isThrottling(e));
      return response;
    }
  }

  private ApiResponse unreadable(Context context, long started) {
    ApiResponse response = endpoint.errors().unreadableEvent();
    String requestId = context == null ? "unknown" : context.getAwsRequestId();
    record(requestId, Optional.empty(), QueryShape.UNKNOWN, ReadStats.NONE, 0, response, started, false);
    return response;
  }

  private void record(
      String requestId, Optional<String> tenant, QueryShape shape, ReadStats stats, int returned,
      ApiResponse response, long started, boolean throttled) {
    long latencyMillis = (System.nanoTime() - started) / 1_000_000;
    requestLog.write(
        new RequestOutcome(
            endpoint.name(), requestId, tenant, shape, stats, returned, response.statusCode(), latencyMillis,
            throttled));
  }
}
