package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.listing.ErrorDialect;
import io.evaljobs.listing.ListEndpoint;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.PageRead;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.tenant.Tenant.Organization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** GET /evaluations as a list endpoint: an organization's jobs, filtered, sorted and paged by offset or token. */
final class EvaluationsEndpoint implements ListEndpoint<Organization, ListEvaluationsRequest, EvaluationJob> {
  static final String NAME = "evaluations";

  private final EvaluationQueryParser parser;
  private final EvaluationPageReader pages;
  private final PageTokens tokens;

  EvaluationsEndpoint(EvaluationQueryParser parser, EvaluationPageReader pages, PageTokens tokens) {
    this.parser = parser;
    this.pages = pages;
    this.tokens = tokens;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Organization> tenant(APIGatewayProxyRequestEvent request) {
    return Organization.in(name -> ProxyRequests.authorizerValue(request, name));
  }

  @Override
  public String tenantKey(Organization organization) {
    return organization.organization();
  }

  @Override
  public ListEvaluationsRequest parse(Organization organization, Map<String, List<String>> parameters) {
    return parser.parse(parameters);
  }

  @Override
  public PageRead<EvaluationJob> read(Organization organization, ListEvaluationsRequest request) {
    return pages.read(organization.organization(), request);
  }

  /** The page's tokens carry the total, so the pages they reach need not count again. */
  @Override
  public ApiResponse write(
      APIGatewayProxyRequestEvent request, Organization organization, ListEvaluationsRequest list,
      PageRead<EvaluationJob> read) {
    long total = read.totalCount().orElse(0);
    String tenant = organization.organization();
    String canonical = list.query().canonical();
    Function<Cursor, String> token = cursor -> tokens.encode(cursor.withTotalCount(total), tenant, canonical);
    return ApiResponse.json(200, EvaluationPageJson.of(read.page(), total, list.limit(), token));
  }

  @Override
  public QueryShape shape(
      Map<String, List<String>> parameters, Optional<ListEvaluationsRequest> list, Optional<String> index) {
    if (list.isEmpty()) {
      return QueryShape.UNKNOWN;
    }
    EvaluationQuery query = list.get().query();
    return new QueryShape(
        query.filterNames(), Optional.of(query.sortBy().wireName()), Optional.of(query.sortOrder().wireName()), index);
  }

  @Override
  public ErrorDialect errors() {
    return EvaluationsErrorDialect.INSTANCE;
  }
}
