package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.dynamodb.Position;
import io.evaljobs.http.ProxyRequests;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.scoring.ParameterViolation.Problem;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScoringJobQueryParserTest {
  private final PageTokens tokens = TestTokens.fresh();
  private final ScoringJobQueryParser parser = new ScoringJobQueryParser(tokens);

  /** The query of a request as the endpoint reads it: the tenant from the authorizer, the parameters. */
  private static ScoringJobQuery parse(ScoringJobQueryParser parser, APIGatewayProxyRequestEvent request) {
    return parser.parse(ScoringJobsEndpoint.tenantOf(request).orElseThrow(), ProxyRequests.queryParameters(request));
  }

  @Test
  void parse_noParameters_listsEverythingFromTheStartWithoutALimit() {
    ScoringJobQuery query = parse(parser, TestRequests.forTenant("acme", "support").build());
    assertEquals(new CustomerProject("acme", "support"), query.tenant());
    assertEquals(JobFilters.none(), query.filters());
    assertEquals(OptionalInt.empty(), query.limit());
    assertEquals(PageWorkBounds.UNPAGED_JOBS, query.pageSize());
    assertEquals(Cursor.atOffset(0), query.cursor());
  }

  @Test
  void parse_allNineFilters_areReadByName() {
    TestRequests request = TestRequests.forTenant("acme", "support");
    for (JobFilter filter : JobFilter.values()) {
      request.param(filter.fieldName(), filter.name().toLowerCase(java.util.Locale.ROOT) + "#value");
    }
    JobFilters filters = parse(parser, request.build()).filters();
    for (JobFilter filter : JobFilter.values()) {
      assertEquals(filter.name().toLowerCase(java.util.Locale.ROOT) + "#value", filters.valueOf(filter).orElseThrow());
    }
  }

  @Test
  void parse_repeatedFilter_keepsTheLastValue() {
    ScoringJobQuery query = parse(parser, TestRequests.forTenant("acme", "support")
        .param("agent_name", "first").param("agent_name", "last").param("limit", "3").param("limit", "7").build());
    assertEquals("last", query.filters().valueOf(JobFilter.AGENT_NAME).orElseThrow());
    assertEquals(OptionalInt.of(7), query.limit());
  }

  @Test
  void parse_emptyFilterValue_isTheEmptyString() {
    ScoringJobQuery query = parse(parser, TestRequests.forTenant("acme", "support").param("tool_id", "").build());
    assertEquals(Map.of(JobFilter.TOOL_ID, ""), query.filters().values());
  }

  @Test
  void parse_unknownParameters_areIgnored() {
    ScoringJobQuery query = parse(parser, TestRequests.forTenant("acme", "support")
        .param("status", "completed").param("customer_id", "other").param("project_id", "other").param("x", "")
        .build());
    assertEquals(JobFilters.none(), query.filters());
    assertEquals(new CustomerProject("acme", "support"), query.tenant());
  }

  @Test
  void parse_limitsAtBothEnds_areAccepted() {
    assertEquals(OptionalInt.of(1), parse(parser, TestRequests.forTenant("a", "b").param("limit", "1").build()).limit());
    assertEquals(
        OptionalInt.of(100), parse(parser, TestRequests.forTenant("a", "b").param("limit", " 100.0 ").build()).limit());
  }

  @Test
  void parse_tokenMintedForTheSameTenantAndFilters_givesItsCursor() {
    JobFilters filters = new JobFilters(Map.of(JobFilter.AGENT_NAME, "bot"));
    Cursor cursor = Cursor.after(10, new Position(0, Map.of("created_sk", "2026-01-01T00:00:00.000000000Z#j")));
    String token = tokens.encode(cursor, "acme#support", filters.canonical());
    ScoringJobQuery query = parse(parser, TestRequests.forTenant("acme", "support")
        .param("agent_name", "bot").param("offset", token).build());
    assertEquals(cursor, query.cursor());
  }

  @Test
  void parse_authenticTokenOfAnotherCursorShape_isRefusedAsAnInvalidToken() {
    JobFilters filters = new JobFilters(Map.of(JobFilter.AGENT_NAME, "bot"));
    for (Cursor cursor :
        List.of(
            Cursor.atOffset(5),
            Cursor.after(10, new Position(0, Map.of("tenant", "acme#support"))),
            Cursor.before(10, new Position(0, Map.of("created_sk", "k"))))) {
      String token = tokens.encode(cursor, "acme#support", filters.canonical());
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> parse(parser, TestRequests.forTenant("acme", "support")
              .param("agent_name", "bot").param("offset", token).build()));
      assertEquals(Problem.INVALID_PAGE_TOKEN, e.violations().get(0).problem(), cursor.toString());
    }
  }

  @Test
  void parse_tokenReplayedElsewhere_isRefused() {
    JobFilters filters = new JobFilters(Map.of(JobFilter.AGENT_NAME, "bot"));
    String token = tokens.encode(Cursor.atOffset(5), "acme#support", filters.canonical());
    TestRequests[] elsewhere = {
      TestRequests.forTenant("acme", "billing").param("agent_name", "bot"),
      TestRequests.forTenant("acme#support", "").authorizer("project_id", "x").param("agent_name", "bot"),
      TestRequests.forTenant("acme", "support").param("agent_name", "bot2"),
      TestRequests.forTenant("acme", "support"),
      TestRequests.forTenant("acme", "support").param("agent_name", "bot").param("tool_id", "t"),
    };
    for (TestRequests request : elsewhere) {
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> parse(parser, request.param("offset", token).build()));
      assertEquals(Problem.INVALID_PAGE_TOKEN, e.violations().get(0).problem());
    }
    InvalidQueryException otherKey = assertThrows(InvalidQueryException.class,
        () -> parse(new ScoringJobQueryParser(TestTokens.fresh()),
            TestRequests.forTenant("acme", "support").param("agent_name", "bot").param("offset", token).build()));
    assertEquals("offset", otherKey.violations().get(0).parameter());
  }

  @Test
  void canonical_filterSetsThatAliasWhenJoinedNaively_differ() {
    assertNotSame(
        Map.of(JobFilter.AGENT_NAME, "a#tool_id#b"), Map.of(JobFilter.AGENT_NAME, "a", JobFilter.TOOL_ID, "b"));
    assertNotSame(Map.of(JobFilter.AGENT_NAME, ""), Map.of());
    assertNotSame(Map.of(JobFilter.AGENT_NAME, "x"), Map.of(JobFilter.TOOL_ID, "x"));
  }

  private static void assertNotSame(Map<JobFilter, String> a, Map<JobFilter, String> b) {
    org.junit.jupiter.api.Assertions.assertNotEquals(new JobFilters(a).canonical(), new JobFilters(b).canonical());
  }
}
