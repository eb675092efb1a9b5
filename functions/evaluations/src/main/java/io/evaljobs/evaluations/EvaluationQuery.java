package io.evaljobs.evaluations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What to list and in which order: the filters and sort of a request, without its page. */
record EvaluationQuery(
    Optional<EvaluationStatus> status,
    Optional<String> judgeId,
    Optional<Instant> createdAfter,
    Optional<Instant> createdBefore,
    SortField sortBy,
    SortOrder sortOrder) {

  static final EvaluationQuery DEFAULT =
      new EvaluationQuery(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SortField.CREATED_AT, SortOrder.DESC);

  /** The creation times kept; empty when the bounds leave no room for any job. */
  Optional<CreatedRange> createdRange() {
    return CreatedRange.between(createdAfter, createdBefore);
  }

  /** The names of the filters given, for the request log: never their values. */
  List<String> filterNames() {
    List<String> names = new ArrayList<>(4);
    status.ifPresent(given -> names.add("status"));
    judgeId.ifPresent(given -> names.add("judge_id"));
    createdAfter.ifPresent(given -> names.add("created_after"));
    createdBefore.ifPresent(given -> names.add("created_before"));
    return names;
  }

  boolean ascending() {
    return sortOrder == SortOrder.ASC;
  }

  /**
   * The normalised form page tokens are bound to: equal for requests that list the same jobs in the same order
   * (an offset spelling of an instant is normalised to UTC), different otherwise. Each value is length-prefixed, so
   * no judge id can make two different queries read alike.
   */
  String canonical() {
    StringBuilder out = new StringBuilder(128);
    field(out, "status", status.map(EvaluationStatus::wireName));
    field(out, "judge_id", judgeId);
    field(out, "created_after", createdAfter.map(Instant::toString));
    field(out, "created_before", createdBefore.map(Instant::toString));
    field(out, "sort_by", Optional.of(sortBy.wireName()));
    field(out, "sort_order", Optional.of(sortOrder.wireName()));
    return out.toString();
  }

  private static void field(StringBuilder out, String name, Optional<String> value) {
    out.append(name);
    if (value.isPresent()) {
      out.append('=').append(value.get().length()).append(':').append(value.get());
    } else {
      out.append('-');
    }
    out.append(';');
  }
}
