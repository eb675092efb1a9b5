package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.dynamodb.DynamoDbClients;
import io.evaljobs.http.ApiRequest;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.Json;
import io.evaljobs.http.ProxyEventParser;
import io.evaljobs.http.ProxyResponseWriter;
import io.evaljobs.paging.PageTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Lambda entry point of GET /v2/confidence-scoring/jobs: a tenant's scoring jobs, newest first, a page at a time. */
public final class ListScoringJobsHandler implements RequestStreamHandler {
  static final String ENDPOINT = "scoring-jobs";
  private static final Logger LOG = Logger.getLogger(ListScoringJobsHandler.class.getName());

  private final ScoringJobQueryParser parser;
  private final ScoringJobReader reader;
  private final PageTokens tokens;

  /** For the Lambda runtime: SCORING_JOBS_TABLE, PAGE_TOKEN_KEYS and the DynamoDB client from the environment. */
  public ListScoringJobsHandler() {
    this(System.getenv());
  }

  private ListScoringJobsHandler(Map<String, String> env) {
    this(
        DynamoDbClients.fromEnvironment(env),
        Optional.ofNullable(env.get("SCORING_JOBS_TABLE"))
            .filter(name -> !name.isBlank())
            .orElseThrow(() -> new IllegalStateException("SCORING_JOBS_TABLE is not set")),
        PageTokens.fromEnvironment(env, ENDPOINT));
  }

  public ListScoringJobsHandler(DynamoDbClient dynamo, String tableName, PageTokens tokens) {
    this.parser = new ScoringJobQueryParser(tokens);
    this.reader = new ScoringJobReader(dynamo, tableName);
    this.tokens = tokens;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ApiResponse response;
    try {
      response = respond(ProxyEventParser.parse(input));
    } catch (RuntimeException e) {
      response = ScoringErrorResponses.toResponse(e);
    }
    ProxyResponseWriter.write(response, output);
  }

  ApiResponse respond(ApiRequest request) {
    try {
      ScoringJobQuery query = parser.parse(request);
      JobPage page = reader.read(query);
      return ok(request, query, page);
    } catch (RuntimeException e) {
      ApiResponse response = ScoringErrorResponses.toResponse(e);
      if (response.statusCode() >= 500) {
        LOG.log(Level.WARNING, "request " + request.requestId() + " failed", e);
      }
      return response;
    }
  }

  private ApiResponse ok(ApiRequest request, ScoringJobQuery query, JobPage page) {
    ApiResponse response =
        ApiResponse.json(200, Json.write(json -> {
          json.writeStartArray();
          for (ScoringJob job : page.jobs()) {
            ScoringJobJson.write(json, job);
          }
          json.writeEndArray();
        }));
    if (page.next().isEmpty()) {
      return response;
    }
    String token =
        tokens.encode(
            page.next().get(), ScoringJobQueryParser.tokenTenant(query.tenant()), query.filters().canonical());
    return response.withHeader("Link", NextPageLink.headerValue(request, query, token));
  }
}
