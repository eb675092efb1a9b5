package io.evaljobs.scoring;

import io.evaljobs.paging.Cursor;
import java.util.List;
import java.util.Optional;

/** One page of jobs in listing order, and where the next page starts when there is one. */
record JobPage(List<ScoringJob> jobs, Optional<Cursor> next) {
  JobPage {
    jobs = List.copyOf(jobs);
  }
}
