package io.evaljobs.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** The listing order, stated independently of the sort key: newest first, ties by job_id UTF-8 bytes descending. */
final class JobOrder {
  static final Comparator<ScoringJob> NEWEST_FIRST =
      Comparator.comparing(ScoringJob::createdAt)
          .thenComparing(
              (a, b) -> Arrays.compareUnsigned(
                  a.jobId().getBytes(StandardCharsets.UTF_8), b.jobId().getBytes(StandardCharsets.UTF_8)))
          .reversed();

  private JobOrder() {}
}
