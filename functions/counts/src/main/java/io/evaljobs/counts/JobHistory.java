package io.evaljobs.counts;

import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.CounterKey;
import io.evaljobs.evaluations.JobCountTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The changes of one job in one batch of stream records, oldest first, and what the counters count of the job
 * before them ({@code base}): counted as one step from the base to the state after the last change, since the
 * steps between cancel out. The base is the first record's old image until the job's ledger says otherwise.
 */
record JobHistory(String organization, String jobId, List<JobChange> changes, Optional<CountedJob> base) {
  JobHistory {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a job history holds at least one change");
    }
    changes = List.copyOf(changes);
  }

  JobHistory(String organization, String jobId, List<JobChange> changes) {
    this(organization, jobId, changes, changes.get(0).before());
  }

  String firstSequence() {
    return changes.get(0).sequence();
  }

  String lastSequence() {
    return changes.get(changes.size() - 1).sequence();
  }

  Optional<CountedJob> last() {
    return changes.get(changes.size() - 1).after();
  }

  /** Whether the job no longer exists (or is no longer a job) after the last change. */
  boolean removed() {
    return last().isEmpty();
  }

  /** What each counter moves by; counters that end where they started are left out. */
  Map<CounterKey, Long> deltas() {
    Map<CounterKey, Long> deltas = new HashMap<>();
    base.ifPresent(job -> JobCountTable.countersOf(job).forEach(k -> deltas.merge(k, -1L, Long::sum)));
    last().ifPresent(job -> JobCountTable.countersOf(job).forEach(k -> deltas.merge(k, 1L, Long::sum)));
    deltas.values().removeIf(delta -> delta == 0);
    return deltas;
  }

  /**
   * This history as the job's ledger sees it: without the changes it has counted already (a replayed batch), and
   * from the state it counted; empty when nothing is left to count.
   */
  Optional<JobHistory> rebased(String countedSequence, Optional<CountedJob> counted) {
    List<JobChange> rest =
        changes.stream().filter(c -> c.sequence().compareTo(countedSequence) > 0).collect(Collectors.toList());
    return rest.isEmpty() ? Optional.empty() : Optional.of(new JobHistory(organization, jobId, rest, counted));
  }
}
