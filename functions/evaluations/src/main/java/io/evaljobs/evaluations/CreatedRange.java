package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.SortableValues;
import java.time.Instant;
import java.util.Optional;

/**
 * The creation times a listing keeps, as inclusive bounds within the storable years. The strict
 * {@code created_after}/{@code created_before} bounds are moved in by one nanosecond (the finest stored
 * precision) before clamping, so that clamping never lets in a job the strict bound excludes.
 */
record CreatedRange(Instant lowest, Instant highest) {
  static final CreatedRange ALL = new CreatedRange(SortableValues.MIN_INSTANT, SortableValues.MAX_INSTANT);

  /** Empty when no instant is strictly between the bounds, or none of those is storable. */
  static Optional<CreatedRange> between(Optional<Instant> after, Optional<Instant> before) {
    Instant lowest = after.map(t -> t.plusNanos(1)).orElse(SortableValues.MIN_INSTANT);
    Instant highest = before.map(t -> t.minusNanos(1)).orElse(SortableValues.MAX_INSTANT);
    if (lowest.isAfter(highest)
        || lowest.isAfter(SortableValues.MAX_INSTANT)
        || highest.isBefore(SortableValues.MIN_INSTANT)) {
      return Optional.empty();
    }
    return Optional.of(new CreatedRange(SortableValues.clamp(lowest), SortableValues.clamp(highest)));
  }

  // Compared field by field: the record's generated equals bootstraps method handles on its first call, which every
  // cold start's first request would wait for.
  boolean isAll() {
    return lowest.equals(ALL.lowest) && highest.equals(ALL.highest);
  }

  boolean contains(Instant instant) {
    return !instant.isBefore(lowest) && !instant.isAfter(highest);
  }
}
