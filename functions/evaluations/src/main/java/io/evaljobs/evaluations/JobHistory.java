package io.evaljobs.evaluations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The changes of one job in one batch of stream records, oldest first: counted as one step from the state before
 * the first to the state after the last, since the steps between cancel out.
 */
record JobHistory(String organization, String jobId, List<JobChange> changes) {
  JobHistory {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a job history holds at least one change");
    }
    changes = List.copyOf(changes);
  }

  String firstSequence() {
    return changes.get(0).sequence();
  }

  String lastSequence() {
    return changes.get(changes.size() - 1).sequence();
  }

  /** Whether the job no longer exists (or is no longer a job) after the last change. */
  boolean removed() {
    return changes.get(changes.size() - 1).after().isEmpty();
  }

  /** What each counter moves by; counters that end where they started are left out. */
  Map<CounterKey, Long> deltas() {
    Map<CounterKey, Long> deltas = new HashMap<>();
    changes.get(0).before().ifPresent(job -> JobCountTable.countersOf(job).forEach(k -> deltas.merge(k, -1L, Long::sum)));
    changes.get(changes.size() - 1).after()
        .ifPresent(job -> JobCountTable.countersOf(job).forEach(k -> deltas.merge(k, 1L, Long::sum)));
    deltas.values().removeIf(delta -> delta == 0);
    return deltas;
  }

  /** The changes after {@code counted} (a ledger's sequence), or empty when all of them were counted already. */
  Optional<JobHistory> after(String counted) {
    List<JobChange> rest =
        changes.stream().filter(c -> c.sequence().compareTo(counted) > 0).collect(Collectors.toList());
    return rest.isEmpty() ? Optional.empty() : Optional.of(new JobHistory(organization, jobId, rest));
  }
}
