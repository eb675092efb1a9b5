package io.evaljobs.scoring;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.SortKeyCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Chooses the index a listing reads and the filters it applies on the way. The index is that of the most selective
 * filter given, by a fixed ranking rather than statistics: execution and session ids are near-unique per job, then
 * instance ids, then tool ids and names, and versions last, since one version is shared by most of an agent's jobs.
 * The other filters become a FilterExpression on plain attributes. Without filters, the tenant's own index.
 */
final class QueryPlan {
  static final List<JobFilter> MOST_SELECTIVE_FIRST =
      List.of(
          JobFilter.TOOL_EXECUTION_ID,
          JobFilter.AGENT_SESSION_ID,
          JobFilter.AGENT_WORKFLOW_SESSION_ID,
          JobFilter.TOOL_INSTANCE_ID,
          JobFilter.TOOL_ID,
          JobFilter.AGENT_NAME,
          JobFilter.AGENT_WORKFLOW_NAME,
          JobFilter.AGENT_VERSION,
          JobFilter.AGENT_WORKFLOW_VERSION);

  private QueryPlan() {}

  /** The filter whose index is read; empty when the tenant index is. */
  static Optional<JobFilter> indexedFilter(JobFilters filters) {
    return MOST_SELECTIVE_FIRST.stream().filter(filter -> filters.valueOf(filter).isPresent()).findFirst();
  }

  static IndexQuery plan(String tableName, Tenant tenant, JobFilters filters) {
    Optional<JobFilter> indexed = indexedFilter(filters);
    String index;
    String partitionAttribute;
    String partitionValue;
    if (indexed.isPresent()) {
      JobFilter filter = indexed.get();
      index = ScoringJobTable.indexName(filter);
      partitionAttribute = ScoringJobTable.partitionKeyAttribute(filter);
      partitionValue =
          ScoringJobTable.filterPartitionKey(
              tenant.customerId(), tenant.projectId(), filters.valueOf(filter).orElseThrow());
    } else {
      index = ScoringJobTable.TENANT_INDEX;
      partitionAttribute = ScoringJobTable.TENANT;
      partitionValue = ScoringJobTable.tenantKey(tenant.customerId(), tenant.projectId());
    }
    List<String> keyAttributes =
        new ArrayList<>(
            new LinkedHashSet<>(
                List.of(
                    partitionAttribute, ScoringJobTable.CREATED_SK, ScoringJobTable.TENANT, ScoringJobTable.JOB_ID)));
    return new IndexQuery(
        tableName,
        index,
        partitionAttribute,
        partitionValue,
        ScoringJobTable.CREATED_SK,
        List.of(
            SortKeyCondition.between(
                ScoringJobTable.createdSortKeyLowest(), ScoringJobTable.createdSortKeyHighest())),
        false,
        remainingFilter(filters, indexed),
        keyAttributes,
        ScoringJobTable.RETURNED_ATTRIBUTES);
  }

  private static Optional<ItemFilter> remainingFilter(JobFilters filters, Optional<JobFilter> indexed) {
    List<String> terms = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    filters.values().forEach((filter, value) -> {
      if (indexed.isPresent() && indexed.get() == filter) {
        return;
      }
      int n = terms.size();
      terms.add("#f" + n + " = :f" + n);
      names.put("#f" + n, ScoringJobTable.plainAttribute(filter));
      values.put(":f" + n, AttributeValue.fromS(value));
    });
    return terms.isEmpty()
        ? Optional.empty()
        : Optional.of(new ItemFilter(String.join(" AND ", terms), names, values));
  }
}
