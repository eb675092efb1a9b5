package io.evaljobs.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.CounterKey;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.JobCountTable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobHistoryTest {
  private static final Instant CREATED = Instant.parse("2024-01-14T05:30:00Z");
  private static final CountedJob QUEUED =
      new CountedJob("acme", "j-1", EvaluationStatus.QUEUED, Optional.of("judge-a"), CREATED);
  private static final CountedJob PROCESSING =
      new CountedJob("acme", "j-1", EvaluationStatus.PROCESSING, Optional.of("judge-a"), CREATED);

  private static JobChange change(String sequence, Optional<CountedJob> before, Optional<CountedJob> after) {
    return new JobChange(JobCountTable.sequence(sequence), "acme", "j-1", before, after);
  }

  @Test
  void deltas_insert_addsOneToEveryCounterOfTheJob() {
    JobHistory history = new JobHistory("acme", "j-1", List.of(change("100", Optional.empty(), Optional.of(QUEUED))));
    Map<CounterKey, Long> deltas = history.deltas();
    assertEquals(12, deltas.size());
    assertTrue(deltas.values().stream().allMatch(d -> d == 1));
  }

  @Test
  void deltas_statusChange_movesOnlyTheStatusFamilies() {
    JobHistory history =
        new JobHistory("acme", "j-1", List.of(change("100", Optional.of(QUEUED), Optional.of(PROCESSING))));
    Map<CounterKey, Long> deltas = history.deltas();
    // queued and processing, with and without the judge, at three levels each: the families without a status (the
    // counters both states count) stay.
    assertEquals(12, deltas.size());
    assertEquals(0, deltas.values().stream().mapToLong(Long::longValue).sum());
    Set<CounterKey> unfiltered = new HashSet<>(JobCountTable.countersOf(QUEUED));
    unfiltered.retainAll(JobCountTable.countersOf(PROCESSING));
    assertEquals(6, unfiltered.size(), unfiltered.toString());
    assertTrue(deltas.keySet().stream().noneMatch(unfiltered::contains));
  }

  @Test
  void deltas_changeThatKeepsTheCountedFields_movesNothing() {
    JobHistory history =
        new JobHistory("acme", "j-1", List.of(change("100", Optional.of(QUEUED), Optional.of(QUEUED))));
    assertTrue(history.deltas().isEmpty());
  }

  @Test
  void deltas_insertThenRemoveInOneBatch_cancelOut() {
    JobHistory history =
        new JobHistory(
            "acme", "j-1",
            List.of(change("100", Optional.empty(), Optional.of(QUEUED)), change("200", Optional.of(QUEUED), Optional.empty())));
    assertTrue(history.deltas().isEmpty());
    assertTrue(history.removed());
  }

  @Test
  void rebased_ledgerSequence_dropsTheChangesAlreadyCounted() {
    JobHistory history =
        new JobHistory(
            "acme", "j-1",
            List.of(
                change("100", Optional.empty(), Optional.of(QUEUED)),
                change("200", Optional.of(QUEUED), Optional.of(PROCESSING))));
    JobHistory rest = history.rebased(JobCountTable.sequence("100"), Optional.of(QUEUED)).orElseThrow();
    assertEquals(List.of(JobCountTable.sequence("200")), rest.changes().stream().map(JobChange::sequence).toList());
    assertTrue(history.rebased(JobCountTable.sequence("200"), Optional.of(PROCESSING)).isEmpty());
    assertEquals(history, history.rebased(JobCountTable.sequence("99"), Optional.empty()).orElseThrow());
  }
}
