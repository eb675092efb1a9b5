package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ScoringJobTableTest {

  @Test
  void toItem_thenFromItem_givesTheSameJob() {
    RandomJobs random = new RandomJobs(7);
    for (ScoringJob job : random.generate(500)) {
      assertEquals(job, ScoringJobTable.fromItem(ScoringJobTable.toItem(job)));
    }
  }

  @Test
  void fromItem_onlyTheReturnedAttributes_givesTheSameJob() {
    RandomJobs random = new RandomJobs(8);
    for (ScoringJob job : random.generate(500)) {
      Map<String, AttributeValue> projected = new HashMap<>(ScoringJobTable.toItem(job));
      projected.keySet().retainAll(ScoringJobTable.RETURNED_ATTRIBUTES);

      assertEquals(job, ScoringJobTable.fromItem(projected));
    }
  }

  @Test
  void toItem_tenantsThatAliasWhenJoinedNaively_getDistinctPartitionKeys() {
    Map<String, CustomerProject> seen = new HashMap<>();
    List<String> parts = List.of("a", "b", "a#b", "b#", "#", "\\", "a\\", "\\#", "#b", "a\\#b");
    for (String customer : parts) {
      for (String project : parts) {
        CustomerProject tenant = new CustomerProject(customer, project);
        CustomerProject previous = seen.put(ScoringJobTable.tenantKey(customer, project), tenant);
        assertNull(previous, () -> tenant + " aliases " + seen.get(ScoringJobTable.tenantKey(customer, project)));
      }
    }
  }

  @Test
  void toItem_filterValuesThatAliasWhenJoinedNaively_getDistinctIndexPartitions() {
    Map<String, List<String>> seen = new HashMap<>();
    List<String> parts = List.of("a", "b", "a#b", "b#c", "#", "\\", "a\\", "\\#", "c");
    for (String customer : parts) {
      for (String project : parts) {
        for (String value : parts) {
          List<String> triple = List.of(customer, project, value);
          List<String> previous = seen.put(ScoringJobTable.filterPartitionKey(customer, project, value), triple);
          assertNull(previous, () -> triple + " aliases another triple");
        }
      }
    }
  }

  @Test
  void toItem_identityFields_fillTheirIndexPartitionKeysOnlyWhenPresent() {
    ScoringJob job = new RandomJobs(3).job(new CustomerProject("a#b", "c"), "job#1");
    Map<String, AttributeValue> item = ScoringJobTable.toItem(job);
    for (JobFilter filter : JobFilter.values()) {
      Optional<String> value = filter.valueOf(job.identity());
      AttributeValue pk = item.get(filter.fieldName() + "_pk");
      if (value.isPresent()) {
        assertEquals(ScoringJobTable.filterPartitionKey("a#b", "c", value.get()), pk.s());
        assertEquals(value.get(), item.get(filter.fieldName()).s());
      } else {
        assertNull(pk);
        assertNull(item.get(filter.fieldName()));
      }
    }
    assertEquals("a\\#b#c", item.get("tenant").s());
    assertEquals("job#1", item.get("job_id").s());
  }

  @Test
  void toItem_score_isStoredAsItsLiteralText() {
    for (String literal : List.of("0.50", "1.0", "7", "0", "1e-1", "0.3333333333333333333")) {
      ScoringJob job = completed(literal);
      AttributeValue stored = ScoringJobTable.toItem(job).get("score");
      assertEquals(literal, stored.s());
      assertNull(stored.n());
      assertEquals(literal, ScoringJobTable.fromItem(ScoringJobTable.toItem(job)).score().orElseThrow().literal());
    }
  }

  @Test
  void createdSortKey_ordersLikeCreatedAtThenJobIdBytes() {
    Random random = new Random(11);
    String[] ids = {"a", "a#", "a#b", "b", "\u00e9", "\uff5e", "\ud83d\ude00", "", "#", "\\"};
    Instant base = Instant.parse("2026-05-01T00:00:00Z");
    for (int i = 0; i < 5_000; i++) {
      Instant t1 = base.plusNanos(random.nextInt(3));
      Instant t2 = base.plusNanos(random.nextInt(3));
      String id1 = ids[random.nextInt(ids.length)] + ids[random.nextInt(ids.length)];
      String id2 = ids[random.nextInt(ids.length)] + ids[random.nextInt(ids.length)];
      int expected = t1.equals(t2) ? Bytes.compare(id1, id2) : t1.compareTo(t2);
      int actual = Bytes.compare(ScoringJobTable.createdSortKey(t1, id1), ScoringJobTable.createdSortKey(t2, id2));
      assertEquals(Integer.signum(expected), Integer.signum(actual), id1 + " vs " + id2);
    }
  }

  @Test
  void indexName_matchesTheTemplatesNames() {
    assertEquals("agent-workflow-session-id-created", ScoringJobTable.indexName(JobFilter.AGENT_WORKFLOW_SESSION_ID));
    assertEquals("tool-execution-id-created", ScoringJobTable.indexName(JobFilter.TOOL_EXECUTION_ID));
    assertNotEquals(ScoringJobTable.TENANT_INDEX, ScoringJobTable.indexName(JobFilter.TOOL_ID));
    List<String> declared =
        io.evaljobs.tables.TemplateTables.load().table(ScoringJobTable.LOGICAL_ID).globalSecondaryIndexNames();
    assertEquals(JobFilter.values().length + 1, declared.size());
    assertEquals(true, declared.contains(ScoringJobTable.TENANT_INDEX));
    for (JobFilter filter : JobFilter.values()) {
      assertEquals(true, declared.contains(ScoringJobTable.indexName(filter)), filter.name());
    }
  }

  private static ScoringJob completed(String literal) {
    AgentIdentityContext identity =
        AgentIdentityContext.builder("c", "p").build();
    return new ScoringJob("j", identity, "m", ScoringStatus.COMPLETED, Optional.of(new Score(literal)),
        Optional.empty(), Instant.EPOCH);
  }
}
