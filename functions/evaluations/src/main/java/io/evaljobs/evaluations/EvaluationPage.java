package io.evaljobs.evaluations;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing and where it stands in it.
 *
 * @param offset the zero-based index of the page's first job in the whole listing
 * @param nextToken the page token of the following page, when there is one
 * @param previousToken the page token of the preceding page, when there is one
 */
record EvaluationPage(
    List<EvaluationJob> jobs,
    long totalCount,
    int limit,
    long offset,
    boolean hasNext,
    boolean hasPrevious,
    Optional<String> nextToken,
    Optional<String> previousToken) {

  EvaluationPage {
    jobs = List.copyOf(jobs);
  }
}
