package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.lambda.Environment;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.listing.ListPipeline;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.preload.ClassPreloader;
import io.evaljobs.tenant.Tenant.Organization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /evaluations: lists the calling organization's evaluation jobs, filtered, sorted and paged. */
public final class ListEvaluationsHandler implements RequestStreamHandler {
  static {
    // The runtime initializes this class before constructing it: the request path's classes then load beside the
    // DynamoDB client's construction instead of after it.
    ClassPreloader.startFor(ListEvaluationsHandler.class);
  }

  /** The deployment's page-size cap (template parameter EvaluationsMaxLimit). */
  static final String MAX_LIMIT_VARIABLE = "EVALUATIONS_MAX_LIMIT";
  /** The counts table that {@code total_count} is read from. */
  static final String COUNTS_TABLE_VARIABLE = "EVALUATION_COUNTS_TABLE";

  private final ListPipeline<Organization, ListEvaluationsRequest, EvaluationJob> pipeline;

  /** For the Lambda runtime: everything from the environment, one DynamoDB client per execution environment. */
  public ListEvaluationsHandler() {
    this(Environment.system());
    EvaluationsPriming.register(this, Environment.system());
  }

  private ListEvaluationsHandler(Environment env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        env.required("EVALUATIONS_TABLE"),
        env.required(COUNTS_TABLE_VARIABLE),
        DeployedPageTokens.fromEnvironment(env, EvaluationsEndpoint.NAME),
        env.intUpTo(MAX_LIMIT_VARIABLE, EvaluationQueryParser.MAX_LIMIT),
        RequestLogLine.fromEnvironment(env));
  }

  /** The contract's page-size cap; request lines to standard output at the environment's log level. */
  public ListEvaluationsHandler(DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens) {
    this(
        dynamo, tableName, countsTableName, tokens, EvaluationQueryParser.MAX_LIMIT,
        RequestLogLine.fromEnvironment(Environment.system()));
  }

  /** {@code maxLimit}: the largest page a client may ask for, 1 to the contract's 100. */
  public ListEvaluationsHandler(
      DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens, int maxLimit,
      RequestLogLine requestLog) {
    EvaluationsEndpoint endpoint =
        new EvaluationsEndpoint(
            new EvaluationQueryParser(maxLimit), new EvaluationPageReader(dynamo, tableName, countsTableName, tokens),
            tokens);
    this.pipeline = new ListPipeline<>(endpoint, requestLog);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    pipeline.handleRequest(input, output, context);
  }

  public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
    return pipeline.handle(event);
  }
}
