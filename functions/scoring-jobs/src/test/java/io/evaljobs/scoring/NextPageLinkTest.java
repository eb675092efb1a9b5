package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.paging.Cursor;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NextPageLinkTest {
  private static ScoringJobQuery query(Map<JobFilter, String> filters, int limit) {
    return new ScoringJobQuery(
        new CustomerProject("acme", "support"), new JobFilters(filters), OptionalInt.of(limit), Cursor.atOffset(0));
  }

  @Test
  void headerValue_requestWithoutLimit_linksWithoutLimitEither() {
    ScoringJobQuery whole =
        new ScoringJobQuery(
            new CustomerProject("acme", "support"), new JobFilters(Map.of(JobFilter.TOOL_ID, "t")), OptionalInt.empty(),
            Cursor.atOffset(0));
    String link = NextPageLink.headerValue(TestRequests.forTenant("acme", "support").build(), whole, "t0");
    assertEquals("<https://api.example.test/v1/v2/confidence-scoring/jobs?tool_id=t&offset=t0>; rel=\"next\"", link);
    ScoringJobQuery unfiltered =
        new ScoringJobQuery(new CustomerProject("acme", "support"), JobFilters.none(), OptionalInt.empty(), Cursor.atOffset(0));
    assertEquals(
        "<https://api.example.test/v1/v2/confidence-scoring/jobs?offset=t0>; rel=\"next\"",
        NextPageLink.headerValue(TestRequests.forTenant("acme", "support").build(), unfiltered, "t0"));
  }

  @Test
  void headerValue_withHost_isAnAbsoluteUrlRepeatingFiltersAndLimit() {
    String link = NextPageLink.headerValue(
        TestRequests.forTenant("acme", "support").build(),
        query(Map.of(JobFilter.TOOL_ID, "web search", JobFilter.AGENT_NAME, "a#b&c=d/\u00e9>"), 20),
        "tok_en-1");
    assertEquals("<https://api.example.test/v1/v2/confidence-scoring/jobs?agent_name=a%23b%26c%3Dd%2F%C3%A9%3E"
        + "&tool_id=web%20search&limit=20&offset=tok_en-1>; rel=\"next\"", link);
  }

  @Test
  void headerValue_emptyFilterValue_isKept() {
    String link = NextPageLink.headerValue(
        TestRequests.forTenant("acme", "support").build(), query(Map.of(JobFilter.AGENT_NAME, ""), 50), "t");
    assertEquals("<https://api.example.test/v1/v2/confidence-scoring/jobs?agent_name=&limit=50&offset=t>; "
        + "rel=\"next\"", link);
  }

  @Test
  void headerValue_withoutHost_isPathAbsolute() {
    String link = NextPageLink.headerValue(
        TestRequests.forTenant("acme", "support").withoutHeader("Host").build(), query(Map.of(), 5), "t");
    assertEquals("</v1/v2/confidence-scoring/jobs?limit=5&offset=t>; rel=\"next\"", link);
  }

  @Test
  void headerValue_suspiciousHost_isIgnored() {
    for (String host : new String[] {"evil.test>; rel=\"x\"", "a b", "user@evil.test", "evil.test/path", ""}) {
      String link = NextPageLink.headerValue(
          TestRequests.forTenant("acme", "support").header("Host", host).build(), query(Map.of(), 5), "t");
      assertEquals("</v1/v2/confidence-scoring/jobs?limit=5&offset=t>; rel=\"next\"", link, host);
    }
  }

  @Test
  void headerValue_forwardedProto_choosesTheScheme() {
    String http = NextPageLink.headerValue(
        TestRequests.forTenant("acme", "support").header("Host", "localhost:3000").header("X-Forwarded-Proto", "http")
            .build(), query(Map.of(), 5), "t");
    assertEquals("<http://localhost:3000/v1/v2/confidence-scoring/jobs?limit=5&offset=t>; rel=\"next\"", http);
    String odd = NextPageLink.headerValue(
        TestRequests.forTenant("acme", "support").header("X-Forwarded-Proto", "javascript").build(),
        query(Map.of(), 5), "t");
    assertEquals("<https://api.example.test/v1/v2/confidence-scoring/jobs?limit=5&offset=t>; rel=\"next\"", odd);
  }
}
