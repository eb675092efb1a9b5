package io.evaljobs.scoring;

import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The streams a listing may be read through. Without filters, the tenant's own index. With filters, one stream per
 * broad filter (tool, names, versions): that filter's index, the others as a FilterExpression. Each alone answers
 * the whole listing; the reader ({@link ScoringJobReader}) picks among them as it goes, by the density it measures.
 * The fixed ranking below orders the first probes: execution and session ids are near-unique per job, then instance
 * ids, then tool ids and names, and versions last.
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

  /**
   * Ids of one execution, session or instance: a handful of jobs each, so a listing filtered by one is read through
   * its index alone, without probing the broad ones.
   */
  static final List<JobFilter> NEAR_UNIQUE =
      List.of(
          JobFilter.TOOL_EXECUTION_ID,
          JobFilter.AGENT_SESSION_ID,
          JobFilter.AGENT_WORKFLOW_SESSION_ID,
          JobFilter.TOOL_INSTANCE_ID);

  private QueryPlan() {}

  /**
   * The listing's streams, the most selective by the ranking first; never empty. Only one when a near-unique id is
   * among the filters.
   */
  static List<JobStream> streams(CustomerProject tenant, JobFilters filters) {
    if (filters.isEmpty()) {
      return List.of(
          new JobStream(
              Optional.empty(),
              ScoringJobTable.TENANT_INDEX,
              ScoringJobTable.TENANT,
              ScoringJobTable.tenantKey(tenant.customerId(), tenant.projectId()),
              Optional.empty()));
    }
    List<JobStream> streams = new ArrayList<>();
    for (JobFilter filter : MOST_SELECTIVE_FIRST) {
      Optional<String> value = filters.valueOf(filter);
      if (value.isPresent()) {
        streams.add(
            new JobStream(
                Optional.of(filter),
                ScoringJobTable.indexName(filter),
                ScoringJobTable.partitionKeyAttribute(filter),
                ScoringJobTable.filterPartitionKey(tenant.customerId(), tenant.projectId(), value.get()),
                remainingFilter(filters, filter)));
        if (NEAR_UNIQUE.contains(filter)) {
          break;
        }
      }
    }
    return List.copyOf(streams);
  }

  private static Optional<ItemFilter> remainingFilter(JobFilters filters, JobFilter indexed) {
    List<String> terms = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    filters.values().forEach((filter, value) -> {
      if (filter == indexed) {
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
