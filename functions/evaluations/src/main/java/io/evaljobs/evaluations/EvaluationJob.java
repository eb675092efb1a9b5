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
}
