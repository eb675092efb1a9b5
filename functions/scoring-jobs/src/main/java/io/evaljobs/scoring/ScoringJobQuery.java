package io.evaljobs.scoring;

import io.evaljobs.paging.Cursor;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.util.OptionalInt;

/**
 * One validated list request: whose jobs, which filters, how many, and from where.
 *
 * @param limit the page size the client asked for; empty for as much of the listing as one response may hold
 */
record ScoringJobQuery(CustomerProject tenant, JobFilters filters, OptionalInt limit, Cursor cursor) {
  /** The contract's maximum page size; a deployment may configure a lower cap (SCORING_JOBS_MAX_LIMIT). */
  static final int MAX_LIMIT = 100;

  ScoringJobQuery {
    if (limit.isPresent() && (limit.getAsInt() < 1 || limit.getAsInt() > MAX_LIMIT)) {
      throw new IllegalArgumentException("limit out of range");
    }
  }

  /** The most jobs this response holds. */
  int pageSize() {
    return limit.orElse(PageWorkBounds.UNPAGED_JOBS);
  }
}
