package io.evaljobs.scoring;

import java.time.Instant;
import java.util.Optional;

/** One confidence scoring job: its identity context, module, state and, once completed, its score. */
public record ScoringJob(
    String jobId,
    AgentIdentityContext identity,
    String module,
    ScoringStatus status,
    Optional<Score> score,
    Optional<String> explanation,
    Instant createdAt) {

  public ScoringJob {
    if (jobId.isEmpty()) {
      throw new IllegalArgumentException("job_id must not be empty");
    }
    if (score.isPresent() && status != ScoringStatus.COMPLETED) {
      throw new IllegalArgumentException("score must be null until the job is completed");
    }
  }
}
