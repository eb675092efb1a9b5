package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.listing.ErrorDialect;
import io.evaljobs.listing.ListEndpoint;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageRead;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /v2/confidence-scoring/jobs as a list endpoint: a project's scoring jobs, newest first, a page at a time, the
 * next page announced in a {@code Link} header.
 */
final class ScoringJobsEndpoint implements ListEndpoint<CustomerProject, ScoringJobQuery, ScoringJob> {
  static final String NAME = "scoring-jobs";

  private final ScoringJobQueryParser parser;
  private final ScoringJobReader reader;
  private final PageTokens tokens;

  ScoringJobsEndpoint(ScoringJobQueryParser parser, ScoringJobReader reader, PageTokens tokens) {
    this.parser = parser;
    this.reader = reader;
    this.tokens = tokens;
  }

  /** The customer and project in the authorizer's context; empty unless both are there. */
  static Optional<CustomerProject> tenantOf(APIGatewayProxyRequestEvent request) {
    return CustomerProject.in(name -> ProxyRequests.authorizerValue(request, name));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<CustomerProject> tenant(APIGatewayProxyRequestEvent request) {
    return tenantOf(request);
  }

  @Override
  public String tenantKey(CustomerProject tenant) {
    return ScoringJobTable.tenantKey(tenant);
  }

  @Override
  public ScoringJobQuery parse(CustomerProject tenant, Map<String, List<String>> parameters) {
    return parser.parse(tenant, parameters);
  }

  @Override
  public PageRead<ScoringJob> read(CustomerProject tenant, ScoringJobQuery query) {
    return reader.read(query);
  }

  @Override
  public ApiResponse write(
      APIGatewayProxyRequestEvent request, CustomerProject tenant, ScoringJobQuery query, PageRead<ScoringJob> read) {
    Page<ScoringJob> page = read.page();
    ApiResponse response =
        ApiResponse.json(200, json -> {
          json.writeStartArray();
          for (ScoringJob job : page.items()) {
            ScoringJobJson.write(json, job);
          }
          json.writeEndArray();
        });
    if (page.next().isEmpty()) {
      return response;
    }
    String token = tokens.encode(page.next().get(), ScoringJobTable.tenantKey(tenant), query.filters().canonical());
    return response.withHeader("Link", NextPageLink.headerValue(request, query, token));
  }

  /** The filters named in the request (never their values); the listing is always newest first. */
  @Override
  public QueryShape shape(
      Map<String, List<String>> parameters, Optional<ScoringJobQuery> query, Optional<String> index) {
    List<String> filters = new ArrayList<>();
    for (JobFilter filter : JobFilter.values()) {
      if (parameters.containsKey(filter.fieldName())) {
        filters.add(filter.fieldName());
      }
    }
    return new QueryShape(filters, Optional.of("created_at"), Optional.of("desc"), index);
  }

  @Override
  public ErrorDialect errors() {
    return ScoringJobsErrorDialect.INSTANCE;
  }
}
