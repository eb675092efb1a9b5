package io.evaljobs.scoring;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point of GET /v2/confidence-scoring/jobs: a tenant's scoring jobs, newest first, a page at a time. */
public final class ListScoringJobsHandler implements RequestStreamHandler {
  static {
    // The runtime initializes this class before constructing it: the request path's classes then load beside the
    // DynamoDB client's construction instead of after it.
    ClassPreloader.startFor(ListScoringJobsHandler.class);
  }

  static final String ENDPOINT = "scoring-jobs";

  /** The environment variable of the deployment's page-size cap (template parameter ScoringJobsMaxLimit). */
  static final String MAX_LIMIT_VARIABLE = "SCORING_JOBS_MAX_LIMIT";

  private final ScoringJobQueryParser parser;
  private final ScoringJobReader reader;
  private final PageTokens tokens;
  private final RequestLogLine requestLog;

  /** For the Lambda runtime: SCORING_JOBS_TABLE, PAGE_TOKEN_KEYS and the DynamoDB client from the environment. */
  public ListScoringJobsHandler() {
    this(System.getenv());
    SnapStartPriming.register(new LazyPrimer(() -> new PrimingRequests(this, primingEvents())));
    SnapStartPriming.register(CannedPagePrimer.of(System.getenv()));
  }

  /** Listings of a tenant that owns nothing, on the broad and a selective index, and a forged token: reads only. */
  static List<String> primingEvents() {
    GatewayCall call = GatewayCall.of("GET", "/v2/confidence-scoring/jobs").withHeader("Host", "priming.invalid");
    Map<String, String> tenant =
        Map.of("customer_id", "evaljobs-snapstart-priming", "project_id", "priming", "principalId", "priming");
    return List.of(
        LambdaJson.toJson(call.proxyEvent(tenant)),
        LambdaJson.toJson(
            call.withQueryParameter("agent_name", "priming").withQueryParameter("tool_execution_id", "priming")
                .proxyEvent(tenant)),
        LambdaJson.toJson(call.withQueryParameter("offset", PrimingRequests.FORGED_PAGE_TOKEN).proxyEvent(tenant)));
  }

  private ListScoringJobsHandler(Map<String, String> env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        Optional.ofNullable(env.get("SCORING_JOBS_TABLE"))
            .filter(name -> !name.isBlank())
            .orElseThrow(() -> new IllegalStateException("SCORING_JOBS_TABLE is not set")),
        DeployedPageTokens.fromEnvironment(env, ENDPOINT),
        MaxPageSize.fromEnvironment(env, MAX_LIMIT_VARIABLE, ScoringJobQuery.MAX_LIMIT),
        RequestLogLine.fromEnvironment(env));
  }

  /** The contract's page-size cap; request lines to standard output at the environment's log level. */
  public ListScoringJobsHandler(DynamoDbClient dynamo, String tableName, PageTokens tokens) {
    this(dynamo, tableName, tokens, ScoringJobQuery.MAX_LIMIT, RequestLogLine.fromEnvironment(System.getenv()));
  }

  /** {@code maxLimit}: the largest page a client may ask for, 1 to the contract's 100. */
  public ListScoringJobsHandler(
      DynamoDbClient dynamo, String tableName, PageTokens tokens, int maxLimit, RequestLogLine requestLog) {
    this.parser = new ScoringJobQueryParser(tokens, maxLimit);
    this.reader = new ScoringJobReader(dynamo, tableName);
    this.tokens = tokens;
    this.requestLog = requestLog;
  }

  /** Reads the proxy event with the shared ObjectMapper; an event it cannot read is the client's bad request. */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    long started = System.nanoTime();
    Optional<APIGatewayProxyRequestEvent> event = LambdaJson.readEvent(input, APIGatewayProxyRequestEvent.class);
    ApiResponse response;
    if (event.isPresent()) {
      response = respond(event.get(), started);
    } else {
      response = ScoringErrorResponses.unreadableEvent();
      String requestId = context == null ? "unknown" : context.getAwsRequestId();
      record(requestId, Optional.empty(), QueryShape.UNKNOWN, ReadStats.NONE, 0, response, started, false);
    }
    LambdaJson.write(ProxyResponses.of(response), output);
  }

  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
    return ProxyResponses.of(respond(event, System.nanoTime()));
  }

  ApiResponse respond(APIGatewayProxyRequestEvent request) {
    return respond(request, System.nanoTime());
  }

  private ApiResponse respond(APIGatewayProxyRequestEvent request, long started) {
    Optional<String> tenant = tenantKeyOf(request);
    String requestId = ProxyRequests.requestId(request);
    try {
      ScoringJobQuery query = parser.parse(request);
      JobRead read = reader.read(query);
      ApiResponse response = ok(request, query, read.page());
      record(
          requestId, tenant, shapeOf(request, read.index()), read.stats(), read.page().jobs().size(),
          response, started, false);
      return response;
    } catch (RuntimeException e) {
      ApiResponse response = ScoringErrorResponses.toResponse(e);
      if (response.statusCode() >= 500) {
        ServerFailures.log(ENDPOINT, requestId, e);
      }
      record(
          requestId, tenant, shapeOf(request, Optional.empty()), ReadStats.NONE, 0, response, started,
          Throttling.isThrottling(e));
      return response;
    }
  }

  /** The tenant's table key, for its hash in the request line; empty without the authorizer's context. */
  private static Optional<String> tenantKeyOf(APIGatewayProxyRequestEvent request) {
    Optional<String> customer = ProxyRequests.authorizerValue(request, ScoringJobQueryParser.CUSTOMER_ID);
    Optional<String> project = ProxyRequests.authorizerValue(request, ScoringJobQueryParser.PROJECT_ID);
    if (customer.isEmpty() || project.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ScoringJobQueryParser.tokenTenant(new Tenant(customer.get(), project.get())));
  }

  /** The filters named in the request (never their values); the listing is always newest first. */
  private static QueryShape shapeOf(APIGatewayProxyRequestEvent request, Optional<String> index) {
    List<String> filters = new ArrayList<>();
    Set<String> given = ProxyRequests.queryParameters(request).keySet();
    for (JobFilter filter : JobFilter.values()) {
      if (given.contains(filter.fieldName())) {
        filters.add(filter.fieldName());
      }
    }
    return new QueryShape(filters, Optional.of("created_at"), Optional.of("desc"), index);
  }

  private void record(
      String requestId, Optional<String> tenant, QueryShape shape, ReadStats stats, int returned,
      ApiResponse response, long started, boolean throttled) {
    long latencyMillis = (System.nanoTime() - started) / 1_000_000;
    requestLog.write(
        new RequestOutcome(
            ENDPOINT, requestId, tenant, shape, stats, returned, response.statusCode(), latencyMillis, throttled));
  }

  private ApiResponse ok(APIGatewayProxyRequestEvent request, ScoringJobQuery query, JobPage page) {
    ApiResponse response =
        ApiResponse.json(200, json -> {
          json.writeStartArray();
          for (ScoringJob job : page.jobs()) {
            ScoringJobJson.write(json, job);
          }
          json.writeEndArray();
        });
    if (page.next().isEmpty()) {
      return response;
    }
    String token =
        tokens.encode(
            page.next().get(), ScoringJobQueryParser.tokenTenant(query.tenant()), query.filters().canonical());
    return response.withHeader("Link", NextPageLink.headerValue(request, query, token));
  }
}
