package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.lambda.Environment;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.listing.ListPipeline;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.preload.ClassPreloader;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /v2/confidence-scoring/jobs: a tenant's scoring jobs, newest first, a page at a time. */
public final class ListScoringJobsHandler implements RequestStreamHandler {
  static {
    // The runtime initializes this class before constructing it: the request path's classes then load beside the
    // DynamoDB client's construction instead of after it.
    ClassPreloader.startFor(ListScoringJobsHandler.class);
  }

  /** The deployment's page-size cap (template parameter ScoringJobsMaxLimit). */
  static final String MAX_LIMIT_VARIABLE = "SCORING_JOBS_MAX_LIMIT";

  private final ListPipeline<CustomerProject, ScoringJobQuery, ScoringJob> pipeline;

  /** For the Lambda runtime: everything from the environment, one DynamoDB client per execution environment. */
  public ListScoringJobsHandler() {
    this(Environment.system());
    ScoringJobsPriming.register(this, Environment.system());
  }

  private ListScoringJobsHandler(Environment env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        env.required("SCORING_JOBS_TABLE"),
        DeployedPageTokens.fromEnvironment(env, ScoringJobsEndpoint.NAME),
        env.intUpTo(MAX_LIMIT_VARIABLE, ScoringJobQuery.MAX_LIMIT),
        RequestLogLine.fromEnvironment(env));
  }

  /** The contract's page-size cap; request lines to standard output at the environment's log level. */
  public ListScoringJobsHandler(DynamoDbClient dynamo, String tableName, PageTokens tokens) {
    this(dynamo, tableName, tokens, ScoringJobQuery.MAX_LIMIT, RequestLogLine.fromEnvironment(Environment.system()));
  }

  /** {@code maxLimit}: the largest page a client may ask for, 1 to the contract's 100. */
  public ListScoringJobsHandler(
      DynamoDbClient dynamo, String tableName, PageTokens tokens, int maxLimit, RequestLogLine requestLog) {
    ScoringJobsEndpoint endpoint =
        new ScoringJobsEndpoint(
            new ScoringJobQueryParser(tokens, maxLimit), new ScoringJobReader(dynamo, tableName), tokens);
    this.pipeline = new ListPipeline<>(endpoint, requestLog);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    pipeline.handleRequest(input, output, context);
  }

  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
    return pipeline.handle(event);
  }

  ApiResponse respond(APIGatewayProxyRequestEvent request) {
    return pipeline.respond(request);
  }
}
