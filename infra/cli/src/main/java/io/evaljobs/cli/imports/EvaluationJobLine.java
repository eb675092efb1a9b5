package io.evaljobs.cli.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.IsoDateTimes;
import io.evaljobs.evaluations.Percentage;
import java.time.Instant;
import java.util.Optional;

/** One evaluation job of a JSON Lines import, in the shape GET /evaluations lists it. */
public final class EvaluationJobLine {
  /** The contract's fields; all but job_id, status and created_at may be null or left out. */
  record Fields(
      @JsonProperty("job_id") String jobId,
      @JsonProperty("status") String status,
      @JsonProperty("total_items") NumberText totalItems,
      @JsonProperty("processed_items") NumberText processedItems,
      @JsonProperty("failed_items") NumberText failedItems,
      @JsonProperty("progress_percentage") NumberText progressPercentage,
      @JsonProperty("judge_id") String judgeId,
      @JsonProperty("judge_name") String judgeName,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("started_at") String startedAt,
      @JsonProperty("completed_at") String completedAt,
      @JsonProperty("estimated_completion_time") String estimatedCompletionTime,
      @JsonProperty("priority") String priority) {}

  private EvaluationJobLine() {}

  /**
   * Reads one job object. Throws {@link IllegalArgumentException} naming the field at fault: unknown or repeated
   * fields, wrong types, job_id/status/created_at missing, values the API would not store.
   */
  public static EvaluationJob parse(String line) {
    Fields fields = JobLines.read(line, Fields.class, "a job");
    if (fields.jobId() == null) {
      throw new IllegalArgumentException("job_id is required");
    }
    if (fields.status() == null) {
      throw new IllegalArgumentException("status is required");
    }
    EvaluationStatus status =
        EvaluationStatus.fromWire(fields.status())
            .orElseThrow(() -> new IllegalArgumentException("status must be one of " + EvaluationStatus.ALLOWED));
    Instant createdAt =
        instant("created_at", fields.createdAt())
            .orElseThrow(() -> new IllegalArgumentException("created_at is required"));
    return new EvaluationJob(
        fields.jobId(),
        status,
        JobLines.count("total_items", fields.totalItems()),
        JobLines.count("processed_items", fields.processedItems()),
        JobLines.count("failed_items", fields.failedItems()),
        Optional.ofNullable(fields.progressPercentage()).map(number -> new Percentage(number.text())),
        Optional.ofNullable(fields.judgeId()),
        Optional.ofNullable(fields.judgeName()),
        createdAt,
        instant("started_at", fields.startedAt()),
        instant("completed_at", fields.completedAt()),
        instant("estimated_completion_time", fields.estimatedCompletionTime()),
        Optional.ofNullable(fields.priority()));
  }

  /** The forms the API accepts in created_after/created_before. */
  private static Optional<Instant> instant(String name, String text) {
    if (text == null) {
      return Optional.empty();
    }
    return Optional.of(
        IsoDateTimes.parse(text)
            .orElseThrow(
                () -> new IllegalArgumentException(
                    name + " must be an ISO 8601 date or date-time, e.g. 2024-01-14T00:00:00Z")));
  }
}
