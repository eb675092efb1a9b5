package io.evaljobs.scoring;

import io.evaljobs.dynamodb.KeyParts;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one description of the ScoringJobsTable key layout and of how a {@link ScoringJob} is stored, for readers
 * and writers alike.
 *
 * <p>Base key: {@code tenant} = join(customer_id, project_id), {@code job_id}. Every index sorts by
 * {@code created_sk} = the fixed-width created_at + '#' + job_id, so that descending order is newest first, ties by
 * job_id descending. Per filterable identity field F, {@code F_pk} = join(customer_id, project_id, value) keys the
 * index {@code F-created} (with '_' as '-'); it is absent when the job has no F, which keeps the job out of that
 * index. All fields are also stored as plain attributes for filter expressions and reading back.
 */
public final class ScoringJobTable {
  public static final String LOGICAL_ID = "ScoringJobsTable";

  static final String TENANT = "tenant";
  static final String JOB_ID = "job_id";
  static final String CREATED_SK = "created_sk";
  static final String CREATED_AT = "created_at";
  static final String TENANT_INDEX = "tenant-created";

  private static final String CUSTOMER_ID = "customer_id";
  private static final String PROJECT_ID = "project_id";
  private static final String AGENT_TURN = "agent_turn";
  private static final String BATCH_DEFINITION_ID = "batch_definition_id";
  private static final String BATCH_EXECUTION_ID = "batch_execution_id";
  private static final String MODULE = "module";
  private static final String STATUS = "status";
  // A string, never a DynamoDB number: N would normalise 0.50 to 0.5 and 1.0 to 1.
  private static final String SCORE = "score";
  private static final String EXPLANATION = "explanation";

  /** Upper bound of every created_sk: the latest timestamp followed by a byte above '#'. */
  private static final String CREATED_SK_HIGHEST = SortableValues.timestamp(SortableValues.MAX_INSTANT) + "$";

  private static final String CREATED_SK_LOWEST = SortableValues.timestamp(SortableValues.MIN_INSTANT);

  /** What {@link #fromItem} reads: all a page shows. Listings read these and their keys, not the index key copies. */
  static final List<String> RETURNED_ATTRIBUTES = returnedAttributes();

  private ScoringJobTable() {}

  private static List<String> returnedAttributes() {
    List<String> attributes =
        new ArrayList<>(
            List.of(
                JOB_ID, CUSTOMER_ID, PROJECT_ID, AGENT_TURN, BATCH_DEFINITION_ID, BATCH_EXECUTION_ID, MODULE, STATUS,
                SCORE, EXPLANATION, CREATED_AT));
    for (JobFilter filter : JobFilter.values()) {
      attributes.add(filter.fieldName());
    }
    return List.copyOf(attributes);
  }

  public static Map<String, AttributeValue> toItem(ScoringJob job) {
    AgentIdentityContext identity = job.identity();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TENANT, s(tenantKey(identity.customerId(), identity.projectId())));
    item.put(JOB_ID, s(job.jobId()));
    item.put(CREATED_SK, s(createdSortKey(job.createdAt(), job.jobId())));
    item.put(CREATED_AT, s(job.createdAt().toString()));
    item.put(CUSTOMER_ID, s(identity.customerId()));
    item.put(PROJECT_ID, s(identity.projectId()));
    for (JobFilter filter : JobFilter.values()) {
      filter.valueOf(identity).ifPresent(value -> {
        item.put(filter.fieldName(), s(value));
        item.put(
            partitionKeyAttribute(filter),
            s(filterPartitionKey(identity.customerId(), identity.projectId(), value)));
      });
    }
    identity.agentTurn().ifPresent(turn -> item.put(AGENT_TURN, AttributeValue.fromN(Long.toString(turn))));
    identity.batchDefinitionId().ifPresent(v -> item.put(BATCH_DEFINITION_ID, s(v)));
    identity.batchExecutionId().ifPresent(v -> item.put(BATCH_EXECUTION_ID, s(v)));
    item.put(MODULE, s(job.module()));
    item.put(STATUS, s(job.status().wireName()));
    job.score().ifPresent(score -> item.put(SCORE, s(score.literal())));
    job.explanation().ifPresent(v -> item.put(EXPLANATION, s(v)));
    return item;
  }

  public static ScoringJob fromItem(Map<String, AttributeValue> item) {
    AgentIdentityContext identity =
        new AgentIdentityContext(
            required(item, CUSTOMER_ID),
            required(item, PROJECT_ID),
            optional(item, JobFilter.AGENT_NAME.fieldName()),
            optional(item, JobFilter.AGENT_VERSION.fieldName()),
            optional(item, JobFilter.AGENT_SESSION_ID.fieldName()),
            agentTurn(item),
            optional(item, JobFilter.AGENT_WORKFLOW_NAME.fieldName()),
            optional(item, JobFilter.AGENT_WORKFLOW_VERSION.fieldName()),
            optional(item, JobFilter.AGENT_WORKFLOW_SESSION_ID.fieldName()),
            optional(item, BATCH_DEFINITION_ID),
            optional(item, BATCH_EXECUTION_ID),
            optional(item, JobFilter.TOOL_ID.fieldName()),
            optional(item, JobFilter.TOOL_INSTANCE_ID.fieldName()),
            optional(item, JobFilter.TOOL_EXECUTION_ID.fieldName()));
    ScoringStatus status =
        ScoringStatus.fromWireName(required(item, STATUS))
            .orElseThrow(() -> new IllegalStateException("stored job has an unknown status"));
    return new ScoringJob(
        required(item, JOB_ID),
        identity,
        required(item, MODULE),
        status,
        optional(item, SCORE).map(Score::new),
        optional(item, EXPLANATION),
        SortableValues.parseTimestamp(required(item, CREATED_AT)));
  }

  /** The base table's partition key, which also partitions the unfiltered index and binds page tokens. */
  /** The tenant as every partition key of the table begins with it; page tokens are bound to it too. */
  static String tenantKey(CustomerProject tenant) {
    return tenantKey(tenant.customerId(), tenant.projectId());
  }

  static String tenantKey(String customerId, String projectId) {
    return KeyParts.join(customerId, projectId);
  }

  static String createdSortKey(Instant createdAt, String jobId) {
    return SortableValues.timestamp(createdAt) + "#" + jobId;
  }

  static String createdSortKeyLowest() {
    return CREATED_SK_LOWEST;
  }

  static String createdSortKeyHighest() {
    return CREATED_SK_HIGHEST;
  }

  static String partitionKeyAttribute(JobFilter filter) {
    return filter.fieldName() + "_pk";
  }

  static String filterPartitionKey(String customerId, String projectId, String value) {
    return KeyParts.join(customerId, projectId, value);
  }

  static String indexName(JobFilter filter) {
    return filter.fieldName().replace('_', '-') + "-created";
  }

  /** The plain attribute holding the field's value, for filter expressions. */
  static String plainAttribute(JobFilter filter) {
    return filter.fieldName();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String required(Map<String, AttributeValue> item, String name) {
    return optional(item, name).orElseThrow(() -> new IllegalStateException("stored job lacks " + name));
  }

  private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? Optional.empty() : Optional.ofNullable(value.s());
  }

  private static OptionalLong agentTurn(Map<String, AttributeValue> item) {
    AttributeValue value = item.get(AGENT_TURN);
    return value == null || value.n() == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.n()));
  }
}
