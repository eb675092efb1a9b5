package io.evaljobs.scoring;

import io.evaljobs.paging.Cursor;

/** One validated list request: whose jobs, which filters, how many, and from where. */
record ScoringJobQuery(Tenant tenant, JobFilters filters, int limit, Cursor cursor) {
  static final int DEFAULT_LIMIT = 50;
  /** The contract's maximum page size; a deployment may configure a lower cap (SCORING_JOBS_MAX_LIMIT). */
  static final int MAX_LIMIT = 100;

  ScoringJobQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range");
    }
  }
}
