package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.ItemFilter;
import io.evaljobs.dynamodb.KeyParts;
import io.evaljobs.dynamodb.SortKeyCondition;
import io.evaljobs.dynamodb.SortableValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one description of the evaluations table's item layout: attribute names, the composite keys of its GSIs, and
 * the mapping between items and {@link EvaluationJob}s. Writers and readers both go through here.
 *
 * <p>Every GSI is {@code <partition>-<sort>}: the partition is the organization alone or joined with status and/or
 * judge id; the sort key is {@code "1" + sortable value + "#" + job_id} for a job that has the sort field and
 * {@code "0#" + job_id} for one that lacks it, so present values sort in one run and absent ones in another.
 */
public final class EvaluationTable {
  /** The table's logical id in template.yaml. */
  public static final String LOGICAL_ID = "EvaluationsTable";

  public static final String ORGANIZATION = "organization";
  public static final String JOB_ID = "job_id";
  public static final String STATUS = "status";
  static final String TOTAL_ITEMS = "total_items";
  static final String PROCESSED_ITEMS = "processed_items";
  static final String FAILED_ITEMS = "failed_items";
  static final String PROGRESS_PERCENTAGE = "progress_percentage";
  public static final String JUDGE_ID = "judge_id";
  static final String JUDGE_NAME = "judge_name";
  public static final String CREATED_AT = "created_at";
  static final String STARTED_AT = "started_at";
  static final String COMPLETED_AT = "completed_at";
  static final String ESTIMATED_COMPLETION_TIME = "estimated_completion_time";
  static final String PRIORITY = "priority";

  static final String ORG_STATUS_PK = "org_status_pk";
  static final String ORG_JUDGE_PK = "org_judge_pk";
  static final String ORG_STATUS_JUDGE_PK = "org_status_judge_pk";
  static final String CREATED_SK = "created_sk";
  static final String COMPLETED_SK = "completed_sk";
  static final String PROGRESS_SK = "progress_sk";
  static final String TOTAL_ITEMS_SK = "total_items_sk";

  private static final String PRESENT = "1";
  private static final String ABSENT = "0#";
  /** Sorts after the '#' that ends a sort value, so an upper bound of value + END covers every job id. */
  private static final String END = "$";

  private EvaluationTable() {}

  /** The item that stores {@code job} for {@code organization}, with every GSI key it belongs to. */
  public static Map<String, AttributeValue> toItem(String organization, EvaluationJob job) {
    if (organization.isEmpty()) {
      throw new IllegalArgumentException("organization must not be empty");
    }
    Map<String, AttributeValue> item = new HashMap<>();
    String status = job.status().wireName();
    item.put(ORGANIZATION, s(organization));
    item.put(JOB_ID, s(job.jobId()));
    item.put(STATUS, s(status));
    putCount(item, TOTAL_ITEMS, job.totalItems());
    putCount(item, PROCESSED_ITEMS, job.processedItems());
    putCount(item, FAILED_ITEMS, job.failedItems());
    job.progressPercentage().ifPresent(p -> item.put(PROGRESS_PERCENTAGE, AttributeValue.fromN(p.literal())));
    job.judgeId().ifPresent(judge -> item.put(JUDGE_ID, s(judge)));
    job.judgeName().ifPresent(name -> item.put(JUDGE_NAME, s(name)));
    item.put(CREATED_AT, s(SortableValues.timestamp(job.createdAt())));
    job.startedAt().ifPresent(t -> item.put(STARTED_AT, s(SortableValues.timestamp(t))));
    job.completedAt().ifPresent(t -> item.put(COMPLETED_AT, s(SortableValues.timestamp(t))));
    job.estimatedCompletionTime()
        .ifPresent(t -> item.put(ESTIMATED_COMPLETION_TIME, s(SortableValues.timestamp(t))));
    job.priority().ifPresent(p -> item.put(PRIORITY, s(p)));

    item.put(ORG_STATUS_PK, s(KeyParts.join(organization, status)));
    job.judgeId().ifPresent(judge -> {
      item.put(ORG_JUDGE_PK, s(KeyParts.join(organization, judge)));
      item.put(ORG_STATUS_JUDGE_PK, s(KeyParts.join(organization, status, judge)));
    });
    for (SortField field : SortField.values()) {
      item.put(sortKeyAttribute(field), s(sortKey(job, field)));
    }
    return item;
  }

  /** What {@link #fromItem} reads: all a page shows. Listings read these and their keys, not the index key copies. */
  static final List<String> RETURNED_ATTRIBUTES =
      List.of(
          JOB_ID, STATUS, TOTAL_ITEMS, PROCESSED_ITEMS, FAILED_ITEMS, PROGRESS_PERCENTAGE, JUDGE_ID, JUDGE_NAME,
          CREATED_AT, STARTED_AT, COMPLETED_AT, ESTIMATED_COMPLETION_TIME, PRIORITY);

  /** The job an item stores; throws {@link IllegalStateException} for an item this class did not write. */
  public static EvaluationJob fromItem(Map<String, AttributeValue> item) {
    try {
      return new EvaluationJob(
          string(item, JOB_ID).orElseThrow(() -> missing(JOB_ID)),
          string(item, STATUS)
              .flatMap(EvaluationStatus::fromWire)
              .orElseThrow(() -> missing(STATUS)),
          count(item, TOTAL_ITEMS),
          count(item, PROCESSED_ITEMS),
          count(item, FAILED_ITEMS),
          Optional.ofNullable(item.get(PROGRESS_PERCENTAGE)).map(AttributeValue::n).map(Percentage::new),
          string(item, JUDGE_ID),
          string(item, JUDGE_NAME),
          instant(item, CREATED_AT).orElseThrow(() -> missing(CREATED_AT)),
          instant(item, STARTED_AT),
          instant(item, COMPLETED_AT),
          instant(item, ESTIMATED_COMPLETION_TIME),
          string(item, PRIORITY));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalStateException("evaluations item is not in the expected layout: " + e.getMessage(), e);
    }
  }

  /**
   * What of {@code item} the total counters see; empty for an item this class did not write (or no item), which no
   * listing returns either.
   */
  public static Optional<CountedJob> countedJob(Map<String, AttributeValue> item) {
    Optional<String> organization = stringKey(item, ORGANIZATION);
    Optional<String> jobId = stringKey(item, JOB_ID);
    Optional<EvaluationStatus> status = stringKey(item, STATUS).flatMap(EvaluationStatus::fromWire);
    Optional<Instant> createdAt;
    try {
      createdAt = stringKey(item, CREATED_AT).map(SortableValues::parseTimestamp);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    if (organization.isEmpty() || jobId.isEmpty() || status.isEmpty() || createdAt.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CountedJob(organization.get(), jobId.get(), status.get(), stringKey(item, JUDGE_ID), createdAt.get()));
  }

  /** A string attribute of {@code item}; empty when missing or of another type. */
  public static Optional<String> stringKey(Map<String, AttributeValue> item, String attribute) {
    return Optional.ofNullable(item.get(attribute)).map(AttributeValue::s);
  }

  /**
   * The Query that lists {@code organization}'s jobs matching {@code query} in its order: the narrowest partition
   * the filters allow, the sort key of the sort field, and the creation range as key condition when sorting by
   * creation time and as filter otherwise.
   */
  static IndexQuery listing(String tableName, String organization, EvaluationQuery query, CreatedRange range) {
    String partitionAttribute;
    String partitionValue;
    String indexPrefix;
    Optional<String> status = query.status().map(EvaluationStatus::wireName);
    if (status.isPresent() && query.judgeId().isPresent()) {
      partitionAttribute = ORG_STATUS_JUDGE_PK;
      partitionValue = KeyParts.join(organization, status.get(), query.judgeId().get());
      indexPrefix = "status-judge";
    } else if (status.isPresent()) {
      partitionAttribute = ORG_STATUS_PK;
      partitionValue = KeyParts.join(organization, status.get());
      indexPrefix = "status";
    } else if (query.judgeId().isPresent()) {
      partitionAttribute = ORG_JUDGE_PK;
      partitionValue = KeyParts.join(organization, query.judgeId().get());
      indexPrefix = "judge";
    } else {
      partitionAttribute = ORGANIZATION;
      partitionValue = organization;
      indexPrefix = "org";
    }
    String sortAttribute = sortKeyAttribute(query.sortBy());
    List<SortKeyCondition> segments = new ArrayList<>(2);
    Optional<ItemFilter> filter = Optional.empty();
    if (query.sortBy() == SortField.CREATED_AT) {
      // created_at is required, so no job lacks it and there is no "absent" run to read.
      segments.add(
          range.isAll()
              ? SortKeyCondition.beginsWith(PRESENT)
              : SortKeyCondition.between(
                  PRESENT + SortableValues.timestamp(range.lowest()),
                  PRESENT + SortableValues.timestamp(range.highest()) + END));
    } else {
      segments.add(SortKeyCondition.beginsWith(PRESENT));
      segments.add(SortKeyCondition.beginsWith(ABSENT));
      if (!range.isAll()) {
        filter = Optional.of(createdFilter(range));
      }
    }
    List<String> keyAttributes =
        List.copyOf(new LinkedHashSet<>(List.of(partitionAttribute, sortAttribute, ORGANIZATION, JOB_ID)));
    return IndexQuery.builder()
        .table(tableName)
        .index(indexPrefix + "-" + indexSuffix(query.sortBy()))
        .partition(partitionAttribute, partitionValue)
        .sortKey(sortAttribute)
        .segments(segments)
        .ascending(query.ascending())
        .filter(filter)
        .keyAttributes(keyAttributes)
        .returnedAttributes(RETURNED_ATTRIBUTES)
        .build();
  }

  /**
   * The Query that reads exactly {@code listing}'s jobs through the creation-time index of the same partition: the
   * range as key condition, no filter. It reads what a page shows and {@code listing}'s key attributes, so its items
   * can be ordered and positioned as {@code listing} orders them.
   */
  static IndexQuery byCreation(
      String tableName, String organization, EvaluationQuery query, CreatedRange range, IndexQuery listing) {
    EvaluationQuery byCreation =
        new EvaluationQuery(
            query.status(), query.judgeId(), Optional.empty(), Optional.empty(), SortField.CREATED_AT, SortOrder.ASC);
    IndexQuery created = listing(tableName, organization, byCreation, range);
    List<String> returned = new ArrayList<>(RETURNED_ATTRIBUTES);
    for (String attribute : listing.keyAttributes()) {
      if (!returned.contains(attribute)) {
        returned.add(attribute);
      }
    }
    return created.toBuilder().ascending(true).filter(Optional.empty()).returnedAttributes(returned).build();
  }

  private static ItemFilter createdFilter(CreatedRange range) {
    return new ItemFilter(
        "#fcreated BETWEEN :flowest AND :fhighest",
        Map.of("#fcreated", CREATED_AT),
        Map.of(
            ":flowest", s(SortableValues.timestamp(range.lowest())),
            ":fhighest", s(SortableValues.timestamp(range.highest()))));
  }

  static String sortKeyAttribute(SortField field) {
    switch (field) {
      case COMPLETED_AT:
        return COMPLETED_SK;
      case PROGRESS_PERCENTAGE:
        return PROGRESS_SK;
      case TOTAL_ITEMS:
        return TOTAL_ITEMS_SK;
      default:
        return CREATED_SK;
    }
  }

  private static String indexSuffix(SortField field) {
    switch (field) {
      case COMPLETED_AT:
        return "completed";
      case PROGRESS_PERCENTAGE:
        return "progress";
      case TOTAL_ITEMS:
        return "total-items";
      default:
        return "created";
    }
  }

  private static String sortKey(EvaluationJob job, SortField field) {
    Optional<String> value;
    switch (field) {
      case COMPLETED_AT:
        value = job.completedAt().map(SortableValues::timestamp);
        break;
      case PROGRESS_PERCENTAGE:
        // Ordered by value, not by text: 9 before 10.
        value = job.progressPercentage().map(p -> SortableValues.decimal(p.doubleValue()));
        break;
      case TOTAL_ITEMS:
        value =
            job.totalItems().isPresent()
                ? Optional.of(SortableValues.integer(job.totalItems().getAsLong()))
                : Optional.empty();
        break;
      default:
        value = Optional.of(SortableValues.timestamp(job.createdAt()));
        break;
    }
    return value.map(v -> PRESENT + v + "#" + job.jobId()).orElse(ABSENT + job.jobId());
  }

  private static void putCount(Map<String, AttributeValue> item, String attribute, OptionalLong count) {
    if (count.isPresent()) {
      item.put(attribute, AttributeValue.fromN(Long.toString(count.getAsLong())));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Optional<String> string(Map<String, AttributeValue> item, String attribute) {
    return Optional.ofNullable(item.get(attribute)).map(AttributeValue::s);
  }

  private static Optional<BigDecimal> number(Map<String, AttributeValue> item, String attribute) {
    return Optional.ofNullable(item.get(attribute)).map(AttributeValue::n).map(BigDecimal::new);
  }

  private static OptionalLong count(Map<String, AttributeValue> item, String attribute) {
    Optional<BigDecimal> value = number(item, attribute);
    return value.isPresent() ? OptionalLong.of(value.get().longValueExact()) : OptionalLong.empty();
  }

  private static Optional<Instant> instant(Map<String, AttributeValue> item, String attribute) {
    return string(item, attribute).map(SortableValues::parseTimestamp);
  }

  private static IllegalArgumentException missing(String attribute) {
    return new IllegalArgumentException("missing " + attribute);
  }
}
