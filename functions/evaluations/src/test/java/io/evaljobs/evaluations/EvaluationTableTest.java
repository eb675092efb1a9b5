package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.SortKeyCondition;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.tables.TemplateTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

class EvaluationTableTest {
  private static final Instant AFTER = Instant.parse("2024-01-14T00:00:00Z");
  private static final Instant BEFORE = Instant.parse("2024-01-15T00:00:00Z");
  private static final String ORGANIZATION = "org#a";
  /** Names that would share a partition with {@link #ORGANIZATION}'s if separators were not escaped. */
  private static final List<String> OTHER_ORGANIZATIONS = List.of("org", "org#a#failed", "org\\#a", "org#a#j");
  private static final EvaluationStatus STATUS = EvaluationStatus.FAILED;
  private static final String JUDGE = "j#1";
  private static final Pattern BETWEEN = Pattern.compile("(#\\w+) BETWEEN (:\\w+) AND (:\\w+)");
  /** The evaluations table as template.yaml deploys it: the model the planner's indexes are checked against. */
  private static final CreateTableRequest DEPLOYED =
      TemplateTables.load().table(EvaluationTable.LOGICAL_ID).toCreateRequest("t");

  @Test
  void listing_everyCombination_readsAnIndexOfTheDeployedTableByThatIndexsKeys() {
    for (EvaluationQuery query : everyCombination()) {
      String label = query.toString();
      IndexQuery plan = plan(query);
      GlobalSecondaryIndex index = deployedIndex(plan);

      assertEquals("t", plan.tableName(), label);
      assertEquals(keyAttribute(index.keySchema(), KeyType.HASH), plan.partitionKeyAttribute(), label);
      assertEquals(keyAttribute(index.keySchema(), KeyType.RANGE), plan.sortKeyAttribute(), label);
      assertEquals(query.sortOrder() == SortOrder.ASC, plan.ascending(), label);
      // What DynamoDB returns as LastEvaluatedKey of an index query: the index's key and the table's.
      Set<String> startKey = new HashSet<>();
      index.keySchema().forEach(element -> startKey.add(element.attributeName()));
      DEPLOYED.keySchema().forEach(element -> startKey.add(element.attributeName()));
      assertEquals(startKey, Set.copyOf(plan.keyAttributes()), label);
      assertEquals(startKey.size(), plan.keyAttributes().size(), label + ": no attribute twice");
      plan.filter().ifPresent(EvaluationTableTest::assertFilterPlaceholders);
    }
  }

  @Test
  void listing_everyCombination_partitionValueIsWrittenForExactlyTheJobsMatchingTheFilters() {
    RandomJobs random = new RandomJobs(new Random(21));
    List<String> otherJudges = List.of("j", "j#1#x", "j\\#1", "J#1");
    for (EvaluationQuery query : everyCombination()) {
      IndexQuery plan = plan(query);
      Optional<String> partition = Optional.of(plan.partitionKeyValue());
      for (int i = 0; i < 20; i++) {
        EvaluationJob base = random.job("job-" + i);
        EvaluationJob matching =
            copy(base, query.status().orElse(base.status()), query.judgeId().or(base::judgeId), base.createdAt());
        String label = query + " " + matching;
        assertEquals(partition, stored(ORGANIZATION, matching, plan.partitionKeyAttribute()), label);
        for (String organization : OTHER_ORGANIZATIONS) {
          assertNotEquals(partition, stored(organization, matching, plan.partitionKeyAttribute()), label);
        }
        if (query.status().isPresent()) {
          for (EvaluationStatus other : EvaluationStatus.values()) {
            if (other != query.status().get()) {
              EvaluationJob differing = copy(matching, other, matching.judgeId(), matching.createdAt());
              assertNotEquals(partition, stored(ORGANIZATION, differing, plan.partitionKeyAttribute()), label);
            }
          }
        }
        if (query.judgeId().isPresent()) {
          EvaluationJob withoutJudge = copy(matching, matching.status(), Optional.empty(), matching.createdAt());
          assertNotEquals(partition, stored(ORGANIZATION, withoutJudge, plan.partitionKeyAttribute()), label);
          for (String other : otherJudges) {
            EvaluationJob differing = copy(matching, matching.status(), Optional.of(other), matching.createdAt());
            assertNotEquals(partition, stored(ORGANIZATION, differing, plan.partitionKeyAttribute()), label);
          }
        }
      }
    }
  }

  @Test
  void listing_everyCombination_readsTheOraclesJobsInTheOraclesOrder() {
    List<StoredJob> stored = storedJobs(new Random(22), 800);
    Map<Map<String, AttributeValue>, EvaluationJob> items = new HashMap<>();
    stored.forEach(job -> items.put(EvaluationTable.toItem(job.organization(), job.job()), job.job()));
    for (EvaluationQuery query : everyCombination()) {
      String label = query.toString();
      IndexQuery plan = plan(query);
      DynamoDbRead read = DynamoDbRead.of(plan, deployedIndex(plan), items);
      List<EvaluationJob> expected = ExpectedListing.of(stored, ORGANIZATION, query);

      assertTrue(expected.size() >= 10, label + ": the data must exercise the query, " + expected.size() + " jobs");
      // Job ids are unique here, and the model maps each item back to the job it was written from.
      assertEquals(jobIds(expected), jobIds(read.jobs()), label);
      // No work beyond the narrowest read: the partition holds only jobs of the status and judge asked for, and an
      // index ordered by creation time takes the range as key condition. Only another order filters on the range.
      EvaluationQuery unranged =
          new EvaluationQuery(
              query.status(), query.judgeId(), Optional.empty(), Optional.empty(), query.sortBy(), query.sortOrder());
      EvaluationQuery keyed = query.sortBy() == SortField.CREATED_AT ? query : unranged;
      int examinable = ExpectedListing.of(stored, ORGANIZATION, keyed).size();
      assertEquals(examinable, read.examined(), label + ": items examined");
    }
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

  /** Filter placeholders never meet the key condition's own, and the only filter is on the creation time. */
  private static void assertFilterPlaceholders(ItemFilter filter) {
    filter.names().keySet().forEach(name -> assertTrue(name.startsWith("#f"), name));
    filter.values().keySet().forEach(name -> assertTrue(name.startsWith(":f"), name));
    assertEquals(Set.of("created_at"), Set.copyOf(filter.names().values()));
  }

  /** Every filter, sort field, order and creation range a request can combine. */
  private static List<EvaluationQuery> everyCombination() {
    List<EvaluationQuery> queries = new ArrayList<>();
    for (boolean withStatus : new boolean[] {false, true}) {
      for (boolean withJudge : new boolean[] {false, true}) {
        for (SortField sort : SortField.values()) {
          for (SortOrder order : SortOrder.values()) {
            for (boolean withRange : new boolean[] {false, true}) {
              queries.add(
                  new EvaluationQuery(
                      withStatus ? Optional.of(STATUS) : Optional.empty(),
                      withJudge ? Optional.of(JUDGE) : Optional.empty(),
                      withRange ? Optional.of(AFTER) : Optional.empty(),
                      withRange ? Optional.of(BEFORE) : Optional.empty(),
                      sort,
                      order));
            }
          }
        }
      }
    }
    return queries;
  }

  private static List<String> jobIds(List<EvaluationJob> jobs) {
    return jobs.stream().map(EvaluationJob::jobId).toList();
  }

  private static IndexQuery plan(EvaluationQuery query) {
    return EvaluationTable.listing("t", ORGANIZATION, query, query.createdRange().orElseThrow());
  }

  /** The index of template.yaml's evaluations table that {@code plan} names; fails when there is none. */
  private static GlobalSecondaryIndex deployedIndex(IndexQuery plan) {
    String name = plan.indexName().orElseThrow(() -> new AssertionError("a listing reads an index: " + plan));
    return DEPLOYED.globalSecondaryIndexes().stream()
        .filter(index -> index.indexName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("template.yaml declares no index " + name));
  }

  private static String keyAttribute(List<KeySchemaElement> schema, KeyType type) {
    return schema.stream()
        .filter(element -> element.keyType() == type)
        .map(KeySchemaElement::attributeName)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " key in " + schema));
  }

  private static Optional<String> stored(String organization, EvaluationJob job, String attribute) {
    return Optional.ofNullable(EvaluationTable.toItem(organization, job).get(attribute)).map(AttributeValue::s);
  }

  /**
   * Jobs of the queried organization and of organizations whose names could alias it, many of them with the
   * queried status and judge and many created at or next to the range's bounds, so every query lists some.
   */
  private static List<StoredJob> storedJobs(Random random, int count) {
    RandomJobs jobs = new RandomJobs(random);
    List<String> judges = List.of("j", "j#1#x", "j\\#1");
    List<Instant> created =
        List.of(AFTER.minusNanos(1), AFTER, AFTER.plusNanos(1), AFTER.plusSeconds(3600), AFTER.plusSeconds(3600),
            BEFORE.minusNanos(1), BEFORE, BEFORE.plusNanos(1), AFTER.minusSeconds(3600), BEFORE.plusSeconds(3600));
    List<String> idPrefixes = List.of("a", "a#", "a$", "\uFF21", "\uD83D\uDE00", "A");
    List<StoredJob> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EvaluationJob base = jobs.job(idPrefixes.get(i % idPrefixes.size()) + i);
      EvaluationStatus status =
          random.nextBoolean() ? STATUS : EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)];
      int judge = random.nextInt(judges.size() + 3);
      Optional<String> judgeId =
          judge < judges.size() ? Optional.of(judges.get(judge)) : judge == judges.size() ? Optional.empty()
              : Optional.of(JUDGE);
      Instant createdAt = random.nextInt(3) == 0 ? base.createdAt() : created.get(random.nextInt(created.size()));
      String organization =
          random.nextBoolean() ? ORGANIZATION : OTHER_ORGANIZATIONS.get(random.nextInt(OTHER_ORGANIZATIONS.size()));
      stored.add(new StoredJob(organization, copy(base, status, judgeId, createdAt)));
    }
    return stored;
  }

  private static EvaluationJob copy(
      EvaluationJob job, EvaluationStatus status, Optional<String> judgeId, Instant createdAt) {
    return new EvaluationJob(
        job.jobId(), status, job.totalItems(), job.processedItems(), job.failedItems(), job.progressPercentage(),
        judgeId, judgeId.map(id -> "Judge " + id), createdAt, job.startedAt(), job.completedAt(),
        job.estimatedCompletionTime(), job.priority());
  }

  /**
   * What DynamoDB reads for a plan, by its documented rules rather than the planner's: the stored items that the
   * index holds (both its key attributes present), of the plan's partition; each segment in turn, its
   * items in unsigned UTF-8 byte order of the sort key, reversed when descending; then the filter.
   */
  private record DynamoDbRead(List<EvaluationJob> jobs, int examined) {
    /** {@code items}: the stored items, each with the job it was written from. */
    static DynamoDbRead of(
        IndexQuery plan, GlobalSecondaryIndex index, Map<Map<String, AttributeValue>, EvaluationJob> items) {
      String partitionKey = keyAttribute(index.keySchema(), KeyType.HASH);
      String sortKey = keyAttribute(index.keySchema(), KeyType.RANGE);
      Map<Map<String, AttributeValue>, EvaluationJob> partition = new HashMap<>();
      items.forEach((item, job) -> {
        if (item.containsKey(sortKey)
            && item.containsKey(partitionKey)
            && plan.partitionKeyValue().equals(item.get(partitionKey).s())) {
          partition.put(item, job);
        }
      });
      Comparator<Map<String, AttributeValue>> bySortKey =
          Comparator.comparing(item -> item.get(sortKey).s(), Utf8Order.COMPARATOR);
      List<EvaluationJob> jobs = new ArrayList<>();
      int examined = 0;
      for (SortKeyCondition segment : plan.segments()) {
        List<Map<String, AttributeValue>> run = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition.keySet()) {
          if (holds(segment, item.get(sortKey).s())) {
            run.add(item);
          }
        }
        run.sort(plan.ascending() ? bySortKey : bySortKey.reversed());
        examined += run.size();
        for (Map<String, AttributeValue> item : run) {
          if (plan.filter().map(filter -> passes(filter, item)).orElse(true)) {
            jobs.add(partition.get(item));
          }
        }
      }
      return new DynamoDbRead(jobs, examined);
    }

    private static boolean holds(SortKeyCondition condition, String sortKey) {
      if (condition instanceof SortKeyCondition.BeginsWith beginsWith) {
        return sortKey.startsWith(beginsWith.prefix());
      }
      if (condition instanceof SortKeyCondition.Between between) {
        return Utf8Order.COMPARATOR.compare(between.lowest(), sortKey) <= 0
            && Utf8Order.COMPARATOR.compare(sortKey, between.highest()) <= 0;
      }
      throw new AssertionError("a key condition this model does not read: " + condition);
    }

    /** The one filter form listings use, {@code #name BETWEEN :low AND :high} on a string attribute. */
    private static boolean passes(ItemFilter filter, Map<String, AttributeValue> item) {
      Matcher between = BETWEEN.matcher(filter.expression());
      if (!between.matches()) {
        throw new AssertionError("a filter this model does not read: " + filter.expression());
      }
      AttributeValue value = item.get(filter.names().get(between.group(1)));
      if (value == null || value.s() == null) {
        return false;
      }
      return Utf8Order.COMPARATOR.compare(filter.values().get(between.group(2)).s(), value.s()) <= 0
          && Utf8Order.COMPARATOR.compare(value.s(), filter.values().get(between.group(3)).s()) <= 0;
    }
  }
}
