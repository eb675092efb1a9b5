package io.evaljobs.evaluations;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The oracle: what GET /evaluations must list, computed in memory from the raw jobs and the raw parameters, with no
 * code shared with the implementation's key layout.
 */
final class ExpectedListing {
  private ExpectedListing() {}

  static List<EvaluationJob> of(List<StoredJob> all, String organization, EvaluationQuery query) {
    return all.stream()
        .filter(s -> s.organization().equals(organization))
        .map(StoredJob::job)
        .filter(job -> query.status().map(status -> job.status() == status).orElse(true))
        .filter(job -> query.judgeId().map(judge -> job.judgeId().equals(Optional.of(judge))).orElse(true))
        .filter(job -> query.createdAfter().map(after -> job.createdAt().isAfter(after)).orElse(true))
        .filter(job -> query.createdBefore().map(before -> job.createdAt().isBefore(before)).orElse(true))
        .sorted(order(query.sortBy(), query.ascending()))
        .collect(Collectors.toList());
  }

  /** Jobs with the field first, by value then job id; then jobs lacking it, by job id; both in the direction asked. */
  static Comparator<EvaluationJob> order(SortField field, boolean ascending) {
    return (a, b) -> {
      boolean aHas = hasValue(a, field);
      boolean bHas = hasValue(b, field);
      if (aHas != bHas) {
        return aHas ? -1 : 1;
      }
      int cmp = aHas ? compareValues(a, b, field) : 0;
      if (cmp == 0) {
        cmp = Utf8Order.COMPARATOR.compare(a.jobId(), b.jobId());
      }
      return ascending ? cmp : -cmp;
    };
  }

  private static boolean hasValue(EvaluationJob job, SortField field) {
    switch (field) {
      case COMPLETED_AT:
        return job.completedAt().isPresent();
      case PROGRESS_PERCENTAGE:
        return job.progressPercentage().isPresent();
      case TOTAL_ITEMS:
        return job.totalItems().isPresent();
      default:
        return true;
    }
  }

  private static int compareValues(EvaluationJob a, EvaluationJob b, SortField field) {
    switch (field) {
      case COMPLETED_AT:
        return a.completedAt().get().compareTo(b.completedAt().get());
      case PROGRESS_PERCENTAGE:
        return new BigDecimal(a.progressPercentage().get().literal())
            .compareTo(new BigDecimal(b.progressPercentage().get().literal()));
      case TOTAL_ITEMS:
        return Long.compare(a.totalItems().getAsLong(), b.totalItems().getAsLong());
      default:
        return a.createdAt().compareTo(b.createdAt());
    }
  }
}
