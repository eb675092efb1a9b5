package io.evaljobs.scoring;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageReader;
import io.evaljobs.paging.ResponseBytes;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads one page of a tenant's scoring jobs from the table's indexes, within a bounded amount of work. */
final class ScoringJobReader {
  /**
   * A filter that matches little on a broad index would otherwise read the whole partition for one page: past this
   * much work the page comes back short, with a link to continue.
   */
  static final ReadBudget BUDGET = new ReadBudget(8, 2_000);

  private final PageReader pages;
  private final String tableName;

  ScoringJobReader(DynamoDbClient dynamo, String tableName) {
    this.pages = new PageReader(new IndexReader(dynamo));
    this.tableName = tableName;
  }

  JobRead read(ScoringJobQuery query) {
    if (!query.filters().canMatchStoredJobs()) {
      return new JobRead(new JobPage(List.of(), Optional.empty()), ReadStats.NONE, Optional.empty());
    }
    IndexQuery indexQuery = QueryPlan.plan(tableName, query.tenant(), query.filters());
    Page page = pages.read(indexQuery, query.cursor(), query.limit(), BUDGET);
    List<ScoringJob> jobs = page.hits().stream().map(hit -> ScoringJobTable.fromItem(hit.item())).toList();
    int fitting = ResponseBytes.fitting(jobs.stream().map(ScoringJobJson::worstCaseBytes).toList());
    if (fitting < jobs.size()) {
      page = page.truncatedTo(fitting, indexQuery);
      jobs = jobs.subList(0, fitting);
    }
    jobs.forEach(job -> checkTenant(job, query.tenant()));
    return new JobRead(new JobPage(jobs, page.next()), page.stats(), Optional.of(indexQuery.indexName()));
  }

  /** Every index partition key starts with the tenant, so this never fires; if it did, nothing leaks. */
  private static void checkTenant(ScoringJob job, Tenant tenant) {
    if (!job.identity().customerId().equals(tenant.customerId())
        || !job.identity().projectId().equals(tenant.projectId())) {
      throw new IllegalStateException("index returned a job of another tenant");
    }
  }
}
