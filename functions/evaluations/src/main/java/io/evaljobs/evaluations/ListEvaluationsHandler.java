package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.http.ProxyResponses;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.observability.RequestOutcome;
import io.evaljobs.observability.ServerFailures;
import io.evaljobs.observability.Throttling;
import io.evaljobs.paging.MaxPageSize;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.preload.ClassPreloader;
import io.evaljobs.priming.LazyPrimer;
import io.evaljobs.priming.PrimingRequests;
import io.evaljobs.priming.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /evaluations: lists the calling organization's evaluation jobs, filtered, sorted and paged. */
public final class ListEvaluationsHandler implements RequestStreamHandler {
  static {
    // The runtime initializes this class before constructing it: the request path's classes then load beside the
    // DynamoDB client's construction instead of after it.
    ClassPreloader.startFor(ListEvaluationsHandler.class);
  }

  static final String ENDPOINT = "evaluations";

  /** The environment variable of the deployment's page-size cap (template parameter EvaluationsMaxLimit). */
  static final String MAX_LIMIT_VARIABLE = "EVALUATIONS_MAX_LIMIT";

  /** The environment variable naming the counts table that {@code total_count} is read from. */
  static final String COUNTS_TABLE_VARIABLE = "EVALUATION_COUNTS_TABLE";

  private final EvaluationPageReader pages;
  private final int maxLimit;
  private final RequestLogLine requestLog;

  /** For the Lambda runtime: table and token keys from the environment, one DynamoDB client per environment. */
  public ListEvaluationsHandler() {
    this(System.getenv());
    SnapStartPriming.register(new LazyPrimer(() -> new PrimingRequests(this, primingEvents())));
    SnapStartPriming.register(CannedPagePrimer.of(System.getenv()));
  }

  /** Listings of a tenant that owns nothing, one per kind of plan, and a forged token: reads only, no one's data. */
  static List<String> primingEvents() {
    GatewayCall call = GatewayCall.of("GET", "/evaluations").withHeader("Host", "priming.invalid");
    Map<String, String> tenant = Map.of("organization", "evaljobs-snapstart-priming", "principalId", "priming");
    return List.of(
        LambdaJson.toJson(call.proxyEvent(tenant)),
        LambdaJson.toJson(
            call.withQueryParameter("status", "completed")
                .withQueryParameter("judge_id", "priming")
                .withQueryParameter("created_after", "2024-01-01T00:00:00Z")
                .withQueryParameter("sort_by", "completed_at")
                .withQueryParameter("sort_order", "asc")
                .withQueryParameter("offset", "5")
                .proxyEvent(tenant)),
        LambdaJson.toJson(call.withQueryParameter("offset", PrimingRequests.FORGED_PAGE_TOKEN).proxyEvent(tenant)));
  }

  private ListEvaluationsHandler(Map<String, String> env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        Objects.requireNonNull(env.get("EVALUATIONS_TABLE"), "EVALUATIONS_TABLE is not set"),
        Objects.requireNonNull(env.get(COUNTS_TABLE_VARIABLE), COUNTS_TABLE_VARIABLE + " is not set"),
        DeployedPageTokens.fromEnvironment(env, ENDPOINT),
        MaxPageSize.fromEnvironment(env, MAX_LIMIT_VARIABLE, ListEvaluationsParameters.MAX_LIMIT),
        RequestLogLine.fromEnvironment(env));
  }

  /** The contract's page-size cap; request lines to standard output at the environment's log level. */
  public ListEvaluationsHandler(
      DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens) {
    this(
        dynamo, tableName, countsTableName, tokens, ListEvaluationsParameters.MAX_LIMIT,
        RequestLogLine.fromEnvironment(System.getenv()));
  }

  /** {@code maxLimit}: the largest page a client may ask for, 1 to the contract's 100. */
  public ListEvaluationsHandler(
      DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens, int maxLimit,
      RequestLogLine requestLog) {
    if (maxLimit < 1 || maxLimit > ListEvaluationsParameters.MAX_LIMIT) {
      throw new IllegalArgumentException("maxLimit must be from 1 to " + ListEvaluationsParameters.MAX_LIMIT);
    }
    this.pages = new EvaluationPageReader(dynamo, tableName, countsTableName, tokens);
    this.maxLimit = maxLimit;
    this.requestLog = requestLog;
  }

  /** Reads the proxy event with the shared ObjectMapper; an event it cannot read is the client's bad request. */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    Optional<APIGatewayProxyRequestEvent> event = LambdaJson.readEvent(input, APIGatewayProxyRequestEvent.class);
    APIGatewayProxyResponseEvent response =
        event.isPresent() ? handle(event.get(), started) : ProxyResponses.of(unreadable(context, started));
    LambdaJson.write(response, output);
  }

  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
    return handle(event, System.nanoTime());
  }

  private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, long started) {
    return ProxyResponses.of(respond(event, started));
  }

  private ApiResponse unreadable(Context context, long started) {
    ApiResponse response = ErrorResponses.unreadableEvent();
    String requestId = context == null ? "unknown" : context.getAwsRequestId();
    record(requestId, Optional.empty(), QueryShape.UNKNOWN, ReadStats.NONE, 0, response, started, false);
    return response;
  }

  private ApiResponse respond(APIGatewayProxyRequestEvent request, long started) {
    Optional<String> organization = ProxyRequests.authorizerValue(request, "organization");
    String requestId = ProxyRequests.requestId(request);
    QueryShape shape = QueryShape.UNKNOWN;
    try {
      String method = ProxyRequests.httpMethod(request);
      if (!"GET".equals(method)) {
        throw new MethodNotAllowedException(method);
      }
      String tenant = organization.orElseThrow(MissingTenantException::new);
      ListEvaluationsRequest list =
          ListEvaluationsParameters.parse(ProxyRequests.queryParameters(request), maxLimit);
      shape = shapeOf(list.query(), Optional.empty());
      EvaluationRead read = pages.read(tenant, list);
      ApiResponse response = ApiResponse.json(200, EvaluationPageJson.of(read.page()));
      record(
          requestId, organization, shapeOf(list.query(), read.index()), read.stats(),
          read.page().jobs().size(), response, started, false);
      return response;
    } catch (RuntimeException e) {
      ApiResponse response = ErrorResponses.of(e);
      if (response.statusCode() >= 500) {
        ServerFailures.log(ENDPOINT, requestId, e);
      }
      record(requestId, organization, shape, ReadStats.NONE, 0, response, started, Throttling.isThrottling(e));
      return response;
    }
  }

  private static QueryShape shapeOf(EvaluationQuery query, Optional<String> index) {
    return new QueryShape(
        query.filterNames(), Optional.of(query.sortBy().wireName()), Optional.of(query.sortOrder().wireName()), index);
  }

  private void record(
      String requestId, Optional<String> organization, QueryShape shape, ReadStats stats, int returned,
      ApiResponse response, long started, boolean throttled) {
    long latencyMillis = (System.nanoTime() - started) / 1_000_000;
    requestLog.write(
        new RequestOutcome(
            ENDPOINT, requestId, organization, shape, stats, returned, response.statusCode(), latencyMillis,
            throttled));
  }
}
