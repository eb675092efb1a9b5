package io.evaljobs.local.demo;

import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.Percentage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic demo evaluation jobs: a handful of judges, mostly finished jobs with some queued and running ones,
 * created over the six months before {@link #ANCHOR}.
 */
final class DemoEvaluations {
  /** Fixed, so the same seed always gives the same jobs. */
  static final Instant ANCHOR = Instant.parse("2026-11-01T00:00:00Z");

  private static final Duration SPREAD = Duration.ofDays(180);
  private static final Duration RECENT = Duration.ofDays(2);

  private record Judge(String id, String name) {}

  private static final List<Judge> JUDGES =
      List.of(
          new Judge("judge-helpfulness-v3", "Helpfulness (GPT-4o)"),
          new Judge("judge-faithfulness-v2", "Faithfulness (Claude 3.5 Sonnet)"),
          new Judge("judge-toxicity-v1", "Toxicity screen"),
          new Judge("judge-coherence-v2", "Coherence"),
          new Judge("judge-sql-correctness", "SQL correctness"),
          new Judge("judge-citation-accuracy", "Citation accuracy"));

  private static final List<String> PRIORITIES = List.of("low", "normal", "normal", "normal", "high", "urgent");

  private DemoEvaluations() {}

  static List<EvaluationJob> generate(long seed, int count) {
    Random random = new Random(seed);
    List<EvaluationJob> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(job(random));
    }
    return jobs;
  }

  private static EvaluationJob job(Random random) {
    String jobId = "eval-" + new UUID(random.nextLong(), random.nextLong());
    EvaluationStatus status = status(random);
    // Jobs still queued or running are recent; finished ones spread over months.
    Duration age = status == EvaluationStatus.QUEUED || status == EvaluationStatus.PROCESSING ? RECENT : SPREAD;
    Instant createdAt = ANCHOR.minusSeconds((long) (random.nextDouble() * age.toSeconds()));
    Optional<Judge> judge =
        random.nextInt(20) == 0 ? Optional.empty() : Optional.of(JUDGES.get(random.nextInt(JUDGES.size())));
    Optional<String> priority =
        random.nextInt(10) == 0 ? Optional.empty() : Optional.of(PRIORITIES.get(random.nextInt(PRIORITIES.size())));
    OptionalLong total =
        status == EvaluationStatus.QUEUED && random.nextInt(4) == 0
            ? OptionalLong.empty()
            : OptionalLong.of(50 + random.nextInt(4_950));
    long items = total.orElse(0);
    // Roughly 0.5 to 5 seconds per item, as a judge model call takes.
    Duration runTime = Duration.ofMillis(items * (500 + random.nextInt(4_500)));
    Instant startedAt = createdAt.plusSeconds(5 + random.nextInt(1_800));

    long processed;
    long failed;
    Optional<Instant> started = Optional.of(startedAt);
    Optional<Instant> completed = Optional.empty();
    Optional<Instant> estimated = Optional.empty();
    switch (status) {
      case QUEUED -> {
        processed = 0;
        failed = 0;
        started = Optional.empty();
      }
      case PROCESSING -> {
        processed = items == 0 ? 0 : random.nextInt((int) items);
        failed = processed / (20 + random.nextInt(80));
        estimated = Optional.of(startedAt.plus(runTime));
      }
      case COMPLETED -> {
        failed = random.nextInt(4) == 0 ? random.nextInt((int) Math.max(1, items / 50)) : 0;
        processed = items;
        completed = Optional.of(startedAt.plus(runTime));
      }
      case FAILED -> {
        processed = items == 0 ? 0 : random.nextInt((int) items);
        failed = Math.max(1, processed / 3);
        completed = Optional.of(startedAt.plus(runTime.multipliedBy(processed + 1).dividedBy(items + 1)));
      }
      default -> {
        processed = items == 0 ? 0 : random.nextInt((int) items);
        failed = processed / 50;
        completed = Optional.of(startedAt.plus(runTime.multipliedBy(processed + 1).dividedBy(items + 1)));
      }
    }
    Optional<Percentage> progress =
        total.isPresent() && items > 0
            ? Optional.of(Percentage.of(Math.round(processed * 1000.0 / items) / 10.0))
            : status == EvaluationStatus.QUEUED ? Optional.of(Percentage.of(0.0)) : Optional.empty();
    return new EvaluationJob(
        jobId,
        status,
        total,
        status == EvaluationStatus.QUEUED ? OptionalLong.of(0) : OptionalLong.of(processed),
        status == EvaluationStatus.QUEUED ? OptionalLong.of(0) : OptionalLong.of(failed),
        progress,
        judge.map(Judge::id),
        judge.map(Judge::name),
        createdAt,
        started,
        completed,
        estimated,
        priority);
  }

  private static EvaluationStatus status(Random random) {
    int roll = random.nextInt(100);
    if (roll < 62) {
      return EvaluationStatus.COMPLETED;
    }
    if (roll < 72) {
      return EvaluationStatus.PROCESSING;
    }
    if (roll < 84) {
      return EvaluationStatus.QUEUED;
    }
    if (roll < 93) {
      return EvaluationStatus.FAILED;
    }
    return EvaluationStatus.CANCELLED;
  }
}
