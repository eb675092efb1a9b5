package io.evaljobs.evaluations;

import java.time.Instant;
import java.util.Optional;

/** What of a stored job the total counters see: the filterable fields of {@code GET /evaluations}. */
public record CountedJob(
    String organization, String jobId, EvaluationStatus status, Optional<String> judgeId, Instant createdAt) {}
