package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.SortKeyCondition;
import io.evaljobs.dynamodb.SortableValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EvaluationTableTest {
  private static final Instant AFTER = Instant.parse("2024-01-14T00:00:00Z");
  private static final Instant BEFORE = Instant.parse("2024-01-15T00:00:00Z");

  @Test
  void listing_everyCombination_picksTheNarrowestIndexAndTheSortFieldsKey() {
    for (boolean withStatus : new boolean[] {false, true}) {
      for (boolean withJudge : new boolean[] {false, true}) {
        for (SortField sort : SortField.values()) {
          for (SortOrder order : SortOrder.values()) {
            for (boolean withRange : new boolean[] {false, true}) {
              EvaluationQuery query =
                  new EvaluationQuery(
                      withStatus ? Optional.of(EvaluationStatus.FAILED) : Optional.empty(),
                      withJudge ? Optional.of("j#1") : Optional.empty(),
                      withRange ? Optional.of(AFTER) : Optional.empty(),
                      withRange ? Optional.of(BEFORE) : Optional.empty(),
                      sort,
                      order);
              assertPlan(query, EvaluationTable.listing("t", "org#a", query, query.createdRange().orElseThrow()));
            }
          }
        }
      }
    }
  }

  private static void assertPlan(EvaluationQuery query, IndexQuery plan) {
    String label = query.toString();
    String prefix;
    String partitionAttribute;
    String partitionValue;
    if (query.status().isPresent() && query.judgeId().isPresent()) {
      prefix = "status-judge";
      partitionAttribute = "org_status_judge_pk";
      partitionValue = "org\\#a#failed#j\\#1";
    } else if (query.status().isPresent()) {
      prefix = "status";
      partitionAttribute = "org_status_pk";
      partitionValue = "org\\#a#failed";
    } else if (query.judgeId().isPresent()) {
      prefix = "judge";
      partitionAttribute = "org_judge_pk";
      partitionValue = "org\\#a#j\\#1";
    } else {
      prefix = "org";
      partitionAttribute = "organization";
      partitionValue = "org#a";
    }
    Map<SortField, String> suffix =
        Map.of(SortField.CREATED_AT, "created", SortField.COMPLETED_AT, "completed",
            SortField.PROGRESS_PERCENTAGE, "progress", SortField.TOTAL_ITEMS, "total-items");
    Map<SortField, String> sortKey =
        Map.of(SortField.CREATED_AT, "created_sk", SortField.COMPLETED_AT, "completed_sk",
            SortField.PROGRESS_PERCENTAGE, "progress_sk", SortField.TOTAL_ITEMS, "total_items_sk");
    assertEquals("t", plan.tableName());
    assertEquals(Optional.of(prefix + "-" + suffix.get(query.sortBy())), plan.indexName(), label);
    assertEquals(partitionAttribute, plan.partitionKeyAttribute(), label);
    assertEquals(partitionValue, plan.partitionKeyValue(), label);
    assertEquals(sortKey.get(query.sortBy()), plan.sortKeyAttribute(), label);
    assertEquals(query.sortOrder() == SortOrder.ASC, plan.ascending(), label);
    assertEquals(List.copyOf(new LinkedHashSet<>(
        List.of(partitionAttribute, sortKey.get(query.sortBy()), "organization", "job_id"))), plan.keyAttributes());
    boolean ranged = query.createdAfter().isPresent();
    if (query.sortBy() == SortField.CREATED_AT) {
      SortKeyCondition expected =
          ranged
              ? SortKeyCondition.between(
                  "1" + SortableValues.timestamp(AFTER.plusNanos(1)),
                  "1" + SortableValues.timestamp(BEFORE.minusNanos(1)) + "$")
              : SortKeyCondition.beginsWith("1");
      assertEquals(List.of(expected), plan.segments(), label);
      assertEquals(Optional.empty(), plan.filter(), label);
    } else {
      assertEquals(List.of(SortKeyCondition.beginsWith("1"), SortKeyCondition.beginsWith("0#")), plan.segments(), label);
      assertEquals(ranged, plan.filter().isPresent(), label);
      plan.filter().ifPresent(EvaluationTableTest::assertFilterPlaceholders);
    }
  }

  private static void assertFilterPlaceholders(ItemFilter filter) {
    filter.names().keySet().forEach(name -> assertTrue(name.startsWith("#f"), name));
    filter.values().keySet().forEach(name -> assertTrue(name.startsWith(":f"), name));
    assertEquals(Set.of("created_at"), Set.copyOf(filter.names().values()));
  }

  @Test
  void toItem_organizationsAndJudgesWithSeparators_neverShareAPartition() {
    List<String> values = List.of("a", "a#b", "a\\", "b", "#b", "a\\#b", "\\", "#", "a#", "b#a", "a\\#", "\\#b");
    Map<String, String> judgeKeys = new HashMap<>();
    Map<String, String> statusJudgeKeys = new HashMap<>();
    Map<String, String> statusKeys = new HashMap<>();
    for (String org : values) {
      for (String judge : values) {
        Map<String, AttributeValue> item = EvaluationTable.toItem(org, job("x", Optional.of(judge)));
        String pair = org + " / " + judge;
        assertUnique(judgeKeys, item.get("org_judge_pk").s(), pair);
        assertUnique(statusJudgeKeys, item.get("org_status_judge_pk").s(), pair);
        statusKeys.putIfAbsent(item.get("org_status_pk").s(), org);
        assertEquals(org, statusKeys.get(item.get("org_status_pk").s()));
      }
    }
  }

  private static void assertUnique(Map<String, String> seen, String key, String owner) {
    String previous = seen.putIfAbsent(key, owner);
    assertTrue(previous == null || previous.equals(owner), key + " aliases " + previous + " and " + owner);
  }

  @Test
  void toItem_jobWithoutJudge_isInNoJudgeIndex() {
    Map<String, AttributeValue> item = EvaluationTable.toItem("acme", job("x", Optional.empty()));

    assertFalse(item.containsKey("org_judge_pk"));
    assertFalse(item.containsKey("org_status_judge_pk"));
    assertFalse(item.containsKey("judge_id"));
    assertEquals("0#x", item.get("completed_sk").s());
  }

  @Test
  void toItemFromItem_randomJobs_roundTrip() {
    RandomJobs jobs = new RandomJobs(new Random(11));
    for (int i = 0; i < 2_000; i++) {
      EvaluationJob job = jobs.job("job-" + i);
      Map<String, AttributeValue> item = EvaluationTable.toItem("acme", job);
      assertEquals(job, EvaluationTable.fromItem(item));
      item.values().forEach(value -> assertTrue(value.s() == null || !value.s().isEmpty()));
    }
  }

  @Test
  void fromItem_onlyTheReturnedAttributes_givesTheSameJob() {
    RandomJobs jobs = new RandomJobs(new Random(12));
    for (int i = 0; i < 2_000; i++) {
      EvaluationJob job = jobs.job("job-" + i);
      Map<String, AttributeValue> projected = new HashMap<>(EvaluationTable.toItem("acme", job));
      projected.keySet().retainAll(EvaluationTable.RETURNED_ATTRIBUTES);

      assertEquals(job, EvaluationTable.fromItem(projected));
    }
  }

  @Test
  void toItem_extremeValues_roundTrip() {
    EvaluationJob job =
        new EvaluationJob(
            "x", EvaluationStatus.COMPLETED, OptionalLong.of(Long.MAX_VALUE), OptionalLong.of(0),
            OptionalLong.empty(), Optional.of(new Percentage("1E-130")), Optional.of("j"),
            Optional.empty(), SortableValues.MIN_INSTANT, Optional.of(SortableValues.MAX_INSTANT),
            Optional.of(SortableValues.MAX_INSTANT), Optional.empty(), Optional.empty());

    assertEquals(job, EvaluationTable.fromItem(EvaluationTable.toItem("o", job)));
  }

  @Test
  void sortKeys_inByteOrder_followTheValueThenTheJobId() {
    RandomJobs random = new RandomJobs(new Random(3));
    List<EvaluationJob> jobs = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      jobs.add(random.job(List.of("b", "a", "\uFF21", "\uD83D\uDE00", "a#", "a$", "ab").get(i % 7) + (i / 7)));
    }
    for (SortField field : SortField.values()) {
      String attribute = EvaluationTable.sortKeyAttribute(field);
      Comparator<EvaluationJob> byKey =
          Comparator.comparing(job -> EvaluationTable.toItem("o", job).get(attribute).s(), Utf8Order.COMPARATOR);
      List<EvaluationJob> present = new ArrayList<>();
      for (EvaluationJob job : jobs) {
        if (EvaluationTable.toItem("o", job).get(attribute).s().startsWith("1")) {
          present.add(job);
        }
      }
      List<EvaluationJob> byStoredKey = new ArrayList<>(present);
      byStoredKey.sort(byKey);
      List<EvaluationJob> expected = new ArrayList<>(present);
      expected.sort(ExpectedListing.order(field, true));
      assertEquals(expected, byStoredKey, field.toString());
    }
  }

  @Test
  void fromItem_foreignItem_isAnIllegalState() {
    assertThrows(IllegalStateException.class, () -> EvaluationTable.fromItem(Map.of("job_id", AttributeValue.fromS("x"))));
  }

  @Test
  void toItem_distinctJobs_haveDistinctSortKeys() {
    Set<String> keys = new HashSet<>();
    for (String id : List.of("a", "a#", "a$", "a#1", "a1")) {
      assertTrue(keys.add(EvaluationTable.toItem("o", job(id, Optional.empty())).get("created_sk").s()));
    }
  }

  private static EvaluationJob job(String id, Optional<String> judge) {
    return new EvaluationJob(
        id, EvaluationStatus.QUEUED, OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty(), judge, Optional.empty(), AFTER,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
