package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.SortableValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One evaluation job as the API lists it; absent optional fields are written as JSON null. */
public record EvaluationJob(
    String jobId,
    EvaluationStatus status,
    OptionalLong totalItems,
    OptionalLong processedItems,
    OptionalLong failedItems,
    Optional<Percentage> progressPercentage,
    Optional<String> judgeId,
    Optional<String> judgeName,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Optional<Instant> estimatedCompletionTime,
    Optional<String> priority) {

  /** Keeps key attributes that embed the id well below DynamoDB's 1,024-byte sort key limit. */
  public static final int MAX_ID_BYTES = 512;

  public EvaluationJob {
    requireId("job_id", jobId);
    Objects.requireNonNull(status, "status");
    requireCount("total_items", totalItems);
    requireCount("processed_items", processedItems);
    requireCount("failed_items", failedItems);
    Objects.requireNonNull(progressPercentage, "progress_percentage");
    Objects.requireNonNull(judgeId, "judge_id");
    judgeId.ifPresent(id -> requireId("judge_id", id));
    Objects.requireNonNull(judgeName, "judge_name");
    requireStorable("created_at", Objects.requireNonNull(createdAt, "created_at"));
    Objects.requireNonNull(startedAt, "started_at").ifPresent(t -> requireStorable("started_at", t));
    Objects.requireNonNull(completedAt, "completed_at").ifPresent(t -> requireStorable("completed_at", t));
    Objects.requireNonNull(estimatedCompletionTime, "estimated_completion_time")
        .ifPresent(t -> requireStorable("estimated_completion_time", t));
    Objects.requireNonNull(priority, "priority");
  }

  private static void requireId(String field, String id) {
    Objects.requireNonNull(id, field);
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_ID_BYTES) {
      throw new IllegalArgumentException(field + " must be 1 to " + MAX_ID_BYTES + " UTF-8 bytes, got " + bytes);
    }
  }

  private static void requireCount(String field, OptionalLong count) {
    Objects.requireNonNull(count, field);
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
  }

  private static void requireStorable(String field, Instant instant) {
    if (instant.isBefore(SortableValues.MIN_INSTANT) || instant.isAfter(SortableValues.MAX_INSTANT)) {
      throw new IllegalArgumentException(field + " must lie in the years 0001 to 9999");
    }
  }

  /** A builder with every optional field absent; job id, status and creation time must be set. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .jobId(jobId)
        .status(status)
        .totalItems(totalItems)
        .processedItems(processedItems)
        .failedItems(failedItems)
        .progressPercentage(progressPercentage)
        .judgeId(judgeId)
        .judgeName(judgeName)
        .createdAt(createdAt)
        .startedAt(startedAt)
        .completedAt(completedAt)
        .estimatedCompletionTime(estimatedCompletionTime)
        .priority(priority);
  }

  /** Builds an {@link EvaluationJob}; the record's checks run at {@link #build()}. */
  public static final class Builder {
    private String jobId;
    private EvaluationStatus status;
    private OptionalLong totalItems = OptionalLong.empty();
    private OptionalLong processedItems = OptionalLong.empty();
    private OptionalLong failedItems = OptionalLong.empty();
    private Optional<Percentage> progressPercentage = Optional.empty();
    private Optional<String> judgeId = Optional.empty();
    private Optional<String> judgeName = Optional.empty();
    private Instant createdAt;
    private Optional<Instant> startedAt = Optional.empty();
    private Optional<Instant> completedAt = Optional.empty();
    private Optional<Instant> estimatedCompletionTime = Optional.empty();
    private Optional<String> priority = Optional.empty();

    private Builder() {}

    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    public Builder status(EvaluationStatus status) {
      this.status = status;
      return this;
    }

    public Builder totalItems(OptionalLong totalItems) {
      this.totalItems = totalItems;
      return this;
    }

    public Builder processedItems(OptionalLong processedItems) {
      this.processedItems = processedItems;
      return this;
    }

    public Builder failedItems(OptionalLong failedItems) {
      this.failedItems = failedItems;
      return this;
    }

    public Builder progressPercentage(Optional<Percentage> progressPercentage) {
      this.progressPercentage = progressPercentage;
      return this;
    }

    public Builder judgeId(Optional<String> judgeId) {
      this.judgeId = judgeId;
      return this;
    }

    public Builder judgeName(Optional<String> judgeName) {
      this.judgeName = judgeName;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder startedAt(Optional<Instant> startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder completedAt(Optional<Instant> completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    public Builder estimatedCompletionTime(Optional<Instant> estimatedCompletionTime) {
      this.estimatedCompletionTime = estimatedCompletionTime;
      return this;
    }

    public Builder priority(Optional<String> priority) {
      this.priority = priority;
      return this;
    }

    public EvaluationJob build() {
      return new EvaluationJob(
          jobId, status, totalItems, processedItems, failedItems, progressPercentage, judgeId, judgeName,
          createdAt, startedAt, completedAt, estimatedCompletionTime, priority);
    }
  }
}
