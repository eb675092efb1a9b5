package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.SortKeyCondition;
import io.evaljobs.dynamodb.SortableValues;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class QueryPlanTest {
  /** The ranking, restated by query parameter name: near-unique ids first, versions last. */
  private static final List<String> EXPECTED_RANKING =
      List.of(
          "tool_execution_id",
          "agent_session_id",
          "agent_workflow_session_id",
          "tool_instance_id",
          "tool_id",
          "agent_name",
          "agent_workflow_name",
          "agent_version",
          "agent_workflow_version");

  private static final Tenant TENANT = new Tenant("acme#1", "support\\");

  @Test
  void plan_everySubsetOfFilters_readsTheMostSelectiveIndexAndFiltersTheRest() {
    JobFilter[] all = JobFilter.values();
    for (int mask = 0; mask < 1 << all.length; mask++) {
      Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
      for (int i = 0; i < all.length; i++) {
        if ((mask & 1 << i) != 0) {
          values.put(all[i], "v#" + i);
        }
      }
      IndexQuery query = QueryPlan.plan("jobs", TENANT, new JobFilters(values));
      String indexed =
          EXPECTED_RANKING.stream()
              .filter(name -> values.keySet().stream().anyMatch(f -> f.fieldName().equals(name)))
              .findFirst()
              .orElse(null);
      assertEquals("jobs", query.tableName());
      assertFalse(query.ascending());
      assertEquals("created_sk", query.sortKeyAttribute());
      if (indexed == null) {
        assertEquals("tenant-created", query.indexName());
        assertEquals("tenant", query.partitionKeyAttribute());
        assertEquals("acme\\#1#support\\\\", query.partitionKeyValue());
        assertTrue(query.filter().isEmpty());
        continue;
      }
      assertEquals(indexed.replace('_', '-') + "-created", query.indexName());
      assertEquals(indexed + "_pk", query.partitionKeyAttribute());
      JobFilter indexedFilter = JobFilter.valueOf(indexed.toUpperCase(java.util.Locale.ROOT));
      assertEquals(
          "acme\\#1#support\\\\#v\\#" + indexedFilter.ordinal(), query.partitionKeyValue(), query.indexName());
      assertEquals(expectedConditions(values, indexed), conditionsOf(query.filter().orElse(null)), "mask " + mask);
      assertTrue(query.keyAttributes().containsAll(List.of(indexed + "_pk", "created_sk", "tenant", "job_id")));
    }
  }

  @Test
  void plan_sortKeyCondition_coversEveryStorableCreatedSortKey() {
    IndexQuery query = QueryPlan.plan("jobs", TENANT, JobFilters.none());
    SortKeyCondition.Between between = (SortKeyCondition.Between) query.segments().get(0);
    for (String sortKey :
        List.of(
            ScoringJobTable.createdSortKey(SortableValues.MIN_INSTANT, ""),
            ScoringJobTable.createdSortKey(SortableValues.MAX_INSTANT, "\uffff\ud83d\ude00"),
            ScoringJobTable.createdSortKey(Instant.parse("2026-01-01T00:00:00Z"), "job"))) {
      assertTrue(Bytes.compare(between.lowest(), sortKey) <= 0, sortKey);
      assertTrue(Bytes.compare(sortKey, between.highest()) <= 0, sortKey);
    }
  }

  @Test
  void plan_filterPlaceholders_neverMeetTheKeyConditionsOwn() {
    Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
    for (JobFilter filter : JobFilter.values()) {
      values.put(filter, "x");
    }
    ItemFilter filter = QueryPlan.plan("jobs", TENANT, new JobFilters(values)).filter().orElseThrow();
    assertTrue(filter.names().keySet().stream().allMatch(n -> n.startsWith("#f")));
    assertTrue(filter.values().keySet().stream().allMatch(n -> n.startsWith(":f")));
  }

  private static Map<String, String> expectedConditions(Map<JobFilter, String> values, String indexed) {
    Map<String, String> out = new HashMap<>();
    values.forEach((filter, value) -> {
      if (!filter.fieldName().equals(indexed)) {
        out.put(filter.fieldName(), value);
      }
    });
    return out;
  }

  /** Attribute -> value of an AND of equalities, read back from the expression and its placeholders. */
  private static Map<String, String> conditionsOf(ItemFilter filter) {
    Map<String, String> out = new HashMap<>();
    if (filter == null) {
      return out;
    }
    for (String term : filter.expression().split(" AND ")) {
      String[] sides = term.split(" = ");
      assertEquals(2, sides.length, term);
      AttributeValue value = filter.values().get(sides[1].trim());
      out.put(filter.names().get(sides[0].trim()), value.s());
    }
    return out;
  }
}
