package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobCountTableTest {
  private static final Instant CREATED = Instant.parse("2024-01-14T05:59:59.999999999Z");

  @Test
  void countersOf_jobWithJudge_countsInFourFamiliesAtEveryLevel() {
    CountedJob job = new CountedJob("acme", "j-1", EvaluationStatus.FAILED, Optional.of("judge-a"), CREATED);
    List<CounterKey> keys = JobCountTable.countersOf(job);
    assertEquals(12, keys.size());
    assertEquals(12, new HashSet<>(keys).size());
    Set<String> buckets = new HashSet<>();
    keys.forEach(k -> buckets.add(k.bucket()));
    assertEquals(Set.of("all", "h#2024-01-14T05", "d#2024-01-14"), buckets);
    assertTrue(keys.contains(new CounterKey(
        JobCountTable.partition("acme", Optional.of(EvaluationStatus.FAILED), Optional.of("judge-a")), "all")));
  }

  @Test
  void countersOf_jobWithoutJudge_skipsTheJudgeFamilies() {
    CountedJob job = new CountedJob("acme", "j-1", EvaluationStatus.QUEUED, Optional.empty(), CREATED);
    assertEquals(6, JobCountTable.countersOf(job).size());
  }

  @Test
  void partition_judgeNamedLikeTheWildcard_isNotTheUnfilteredFamily() {
    assertNotEquals(
        JobCountTable.partition("acme", Optional.empty(), Optional.of("*")),
        JobCountTable.partition("acme", Optional.empty(), Optional.empty()));
    assertNotEquals(
        JobCountTable.partition("acme#x", Optional.empty(), Optional.empty()),
        JobCountTable.partition("acme", Optional.empty(), Optional.of("x")));
  }

  @Test
  void sequence_paddedNumbers_compareAsStringsLikeNumbers() {
    assertTrue(JobCountTable.sequence("999999999999999999999").compareTo(JobCountTable.sequence("1000000000000000000000")) < 0);
    assertEquals(40, JobCountTable.sequence("123").length());
    assertThrows(IllegalArgumentException.class, () -> JobCountTable.sequence("12a"));
    assertThrows(IllegalArgumentException.class, () -> JobCountTable.sequence(""));
  }

  @Test
  void level_ceilAndFloor_keepAlignedInstantsAndRoundOthers() {
    JobCountTable.Level hour = JobCountTable.Level.HOUR;
    Instant aligned = Instant.parse("2024-01-14T05:00:00Z");
    assertEquals(aligned, hour.ceil(aligned));
    assertEquals(aligned, hour.floor(aligned.plusNanos(1)));
    assertEquals(aligned.plusSeconds(3600), hour.ceil(aligned.plusNanos(1)));
    assertEquals("d#0001-01-01", JobCountTable.Level.DAY.bucket(Instant.parse("0001-01-01T10:00:00Z")));
  }
}
