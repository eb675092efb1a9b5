package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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

  /** Ids of one execution, session or instance: read alone, without probing broad indexes. */
  private static final List<String> NEAR_UNIQUE_IDS =
      List.of("tool_execution_id", "agent_session_id", "agent_workflow_session_id", "tool_instance_id");

  private static final CustomerProject TENANT = new CustomerProject("acme#1", "support\\");

  @Test
  void streams_everySubsetOfFilters_oneStreamPerBroadFilterInRankingOrderOrTheFirstIdAlone() {
    JobFilter[] all = JobFilter.values();
    for (int mask = 0; mask < 1 << all.length; mask++) {
      Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
      for (int i = 0; i < all.length; i++) {
        if ((mask & 1 << i) != 0) {
          values.put(all[i], "v#" + i);
        }
      }
      List<JobStream> streams = QueryPlan.streams(TENANT, new JobFilters(values));
      if (values.isEmpty()) {
        assertEquals(1, streams.size());
        assertEquals("tenant-created", streams.get(0).indexName());
        assertEquals("tenant", streams.get(0).partitionAttribute());
        assertEquals("acme\\#1#support\\\\", streams.get(0).partitionValue());
        assertTrue(streams.get(0).remaining().isEmpty());
        continue;
      }
      List<String> expectedOrder =
          EXPECTED_RANKING.stream()
              .filter(name -> values.keySet().stream().anyMatch(f -> f.fieldName().equals(name)))
              .toList();
      if (NEAR_UNIQUE_IDS.contains(expectedOrder.get(0))) {
        expectedOrder = expectedOrder.subList(0, 1);
      }
      assertEquals(expectedOrder, streams.stream().map(s -> s.keyedOn().orElseThrow().fieldName()).toList());
      for (JobStream stream : streams) {
        String indexed = stream.keyedOn().orElseThrow().fieldName();
        assertEquals(indexed.replace('_', '-') + "-created", stream.indexName());
        assertEquals(indexed + "_pk", stream.partitionAttribute());
        assertEquals(
            "acme\\#1#support\\\\#v\\#" + stream.keyedOn().get().ordinal(), stream.partitionValue());
        assertEquals(
            expectedConditions(values, indexed), conditionsOf(stream.remaining().orElse(null)), "mask " + mask);
      }
    }
  }

  @Test
  void below_frontier_isAStrictKeyConditionNewestFirstWithTheLimit() {
    JobStream stream = QueryPlan.streams(TENANT, JobFilters.none()).get(0);
    QueryRequest top = stream.below("jobs", Optional.empty(), 7);
    assertEquals("#pk = :pk", top.keyConditionExpression());
    assertEquals(7, top.limit());
    assertFalse(top.scanIndexForward());
    assertEquals("tenant-created", top.indexName());
    String key = ScoringJobTable.createdSortKey(Instant.parse("2026-01-01T00:00:00Z"), "job#1");
    QueryRequest below = stream.below("jobs", Optional.of(key), 3);
    assertEquals("#pk = :pk AND #sk < :below", below.keyConditionExpression());
    assertEquals("created_sk", below.expressionAttributeNames().get("#sk"));
    assertEquals(key, below.expressionAttributeValues().get(":below").s());
    assertTrue(below.filterExpression() == null);
    assertTrue(below.projectionExpression().split(",").length > ScoringJobTable.RETURNED_ATTRIBUTES.size());
  }

  @Test
  void below_filteredStream_placeholdersNeverMeetTheKeyConditionsOwn() {
    Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
    for (JobFilter filter : JobFilter.values()) {
      values.put(filter, "x");
    }
    for (JobStream stream : QueryPlan.streams(TENANT, new JobFilters(values))) {
      ItemFilter filter = stream.remaining().orElseThrow();
      assertTrue(filter.names().keySet().stream().allMatch(n -> n.startsWith("#f")));
      assertTrue(filter.values().keySet().stream().allMatch(n -> n.startsWith(":f")));
      QueryRequest request = stream.below("jobs", Optional.of("k"), 5);
      assertEquals(filter.expression(), request.filterExpression());
      assertEquals(8, filter.names().size());
      assertEquals("tool_execution_id", stream.keyedOn().orElseThrow().fieldName());
    }
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
