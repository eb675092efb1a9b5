package io.evaljobs.cli.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.dynamodb.StorableText;
import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.Score;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringStatus;
import io.evaljobs.scoring.StoredValueLimits;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One scoring job of a JSON Lines import: the API's ScoringJobResponse shape, plus an optional created_at. */
public final class ScoringJobLine {
  private static final String IDENTITY = "agent_identity_context.";

  record Fields(
      @JsonProperty("job_id") String jobId,
      @JsonProperty("agent_identity_context") Identity identity,
      @JsonProperty("module") String module,
      @JsonProperty("status") String status,
      @JsonProperty("score") NumberText score,
      @JsonProperty("explanation") String explanation,
      @JsonProperty("created_at") String createdAt) {}

  record Identity(
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("project_id") String projectId,
      @JsonProperty("agent_name") String agentName,
      @JsonProperty("agent_version") String agentVersion,
      @JsonProperty("agent_session_id") String agentSessionId,
      @JsonProperty("agent_turn") NumberText agentTurn,
      @JsonProperty("agent_workflow_name") String agentWorkflowName,
      @JsonProperty("agent_workflow_version") String agentWorkflowVersion,
      @JsonProperty("agent_workflow_session_id") String agentWorkflowSessionId,
      @JsonProperty("batch_definition_id") String batchDefinitionId,
      @JsonProperty("batch_execution_id") String batchExecutionId,
      @JsonProperty("tool_id") String toolId,
      @JsonProperty("tool_instance_id") String toolInstanceId,
      @JsonProperty("tool_execution_id") String toolExecutionId) {}

  private ScoringJobLine() {}

  /**
   * Reads one job object. {@code created_at} (ISO 8601; UTC when it has no offset) defaults to
   * {@code defaultCreatedAt}. Throws {@link IllegalArgumentException} naming the offending field.
   */
  public static ScoringJob parse(String line, Instant defaultCreatedAt) {
    Fields fields = JobLines.read(line, Fields.class, "a scoring job");
    Identity identity = fields.identity();
    if (identity == null) {
      throw new IllegalArgumentException("agent_identity_context is required and must be an object");
    }
    AgentIdentityContext context =
        new AgentIdentityContext(
            requiredId(IDENTITY + "customer_id", identity.customerId()),
            requiredId(IDENTITY + "project_id", identity.projectId()),
            optionalId("agent_name", identity.agentName()),
            optionalId("agent_version", identity.agentVersion()),
            optionalId("agent_session_id", identity.agentSessionId()),
            JobLines.integer(IDENTITY + "agent_turn", identity.agentTurn()),
            optionalId("agent_workflow_name", identity.agentWorkflowName()),
            optionalId("agent_workflow_version", identity.agentWorkflowVersion()),
            optionalId("agent_workflow_session_id", identity.agentWorkflowSessionId()),
            optionalId("batch_definition_id", identity.batchDefinitionId()),
            optionalId("batch_execution_id", identity.batchExecutionId()),
            optionalId("tool_id", identity.toolId()),
            optionalId("tool_instance_id", identity.toolInstanceId()),
            optionalId("tool_execution_id", identity.toolExecutionId()));
    String jobId = requiredId("job_id", fields.jobId());
    String module = requiredId("module", fields.module());
    if (fields.status() == null) {
      throw new IllegalArgumentException("status is required and must be a string");
    }
    ScoringStatus status =
        ScoringStatus.fromWireName(fields.status())
            .orElseThrow(() -> new IllegalArgumentException(
                "status must be one of submitted, in_progress, completed, failed, not_run"));
    Optional<Score> score = Optional.ofNullable(fields.score()).map(number -> new Score(number.text()));
    Optional<String> explanation = Optional.ofNullable(fields.explanation());
    if (explanation.isPresent()
        && (!StorableText.isWellFormed(explanation.get())
            || StorableText.utf8Length(explanation.get()) > StoredValueLimits.MAX_EXPLANATION_BYTES)) {
      throw new IllegalArgumentException("explanation must be well-formed Unicode of at most "
          + StoredValueLimits.MAX_EXPLANATION_BYTES + " UTF-8 bytes");
    }
    Instant createdAt = fields.createdAt() == null ? defaultCreatedAt : instant(fields.createdAt());
    if (createdAt.isBefore(SortableValues.MIN_INSTANT) || createdAt.isAfter(SortableValues.MAX_INSTANT)) {
      throw new IllegalArgumentException("created_at must lie in the years 0001 to 9999");
    }
    return new ScoringJob(jobId, context, module, status, score, explanation, createdAt);
  }

  private static String requiredId(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required and must be a string");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    checkIdLength(name, value);
    return value;
  }

  private static Optional<String> optionalId(String name, String value) {
    Optional<String> id = Optional.ofNullable(value);
    id.ifPresent(v -> checkIdLength(IDENTITY + name, v));
    return id;
  }

  private static void checkIdLength(String name, String value) {
    if (!StoredValueLimits.fitsIdentifier(value)) {
      throw new IllegalArgumentException(
          name + " must be well-formed Unicode of at most " + StoredValueLimits.MAX_ID_BYTES + " UTF-8 bytes");
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("created_at must be an ISO 8601 date-time");
      }
    }
  }
}
