package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.dynamodb.DynamoDbClients;
import io.evaljobs.http.ApiRequest;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.MalformedEventException;
import io.evaljobs.http.ProxyEventParser;
import io.evaljobs.http.ProxyResponseWriter;
import io.evaljobs.paging.PageTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /evaluations: lists the calling organization's evaluation jobs, filtered, sorted and paged. */
public final class ListEvaluationsHandler implements RequestStreamHandler {
  static final String ENDPOINT = "evaluations";

  private final EvaluationPageReader pages;

  /** For the Lambda runtime: table and token keys from the environment, one DynamoDB client per environment. */
  public ListEvaluationsHandler() {
    this(System.getenv());
  }

  private ListEvaluationsHandler(Map<String, String> env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        Objects.requireNonNull(env.get("EVALUATIONS_TABLE"), "EVALUATIONS_TABLE is not set"),
        PageTokens.fromEnvironment(env, ENDPOINT));
  }

  public ListEvaluationsHandler(DynamoDbClient dynamo, String tableName, PageTokens tokens) {
    this.pages = new EvaluationPageReader(dynamo, tableName, tokens);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ProxyResponseWriter.write(respond(input), output);
  }

  private ApiResponse respond(InputStream input) {
    ApiRequest request;
    try {
      request = ProxyEventParser.parse(input);
    } catch (MalformedEventException e) {
      return ErrorResponses.of(e);
    }
    try {
      if (!"GET".equals(request.httpMethod())) {
        throw new MethodNotAllowedException(request.httpMethod());
      }
      String organization = request.authorizerValue("organization").orElseThrow(MissingTenantException::new);
      ListEvaluationsRequest list = ListEvaluationsParameters.parse(request.queryParameters());
      return ApiResponse.json(200, EvaluationPageJson.write(pages.read(organization, list)));
    } catch (RuntimeException e) {
      ApiResponse response = ErrorResponses.of(e);
      if (response.statusCode() >= 500) {
        log(request, e);
      }
      return response;
    }
  }

  /** Server-side failures go to the function log (one line, no stack trace to the client). */
  private static void log(ApiRequest request, RuntimeException e) {
    String kind = e instanceof SdkException ? "dynamodb" : "unexpected";
    System.err.println("ListEvaluations " + kind + " failure, request " + request.requestId() + ": " + e);
  }
}
