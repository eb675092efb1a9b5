package io.evaljobs.bench;

import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.Percentage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Deterministic evaluation jobs with realistic skew: most jobs completed, a few judges with most of the jobs, some
 * jobs without a judge, total_items or completion time. The same seed and index always give the same job.
 */
final class EvaluationJobs {
  static final Instant FIRST_CREATED = Instant.parse("2024-01-01T00:00:00Z");
  /** Jobs are created this far apart on average, so 200,000 jobs span about 9 months. */
  static final Duration SPACING = Duration.ofMinutes(2);
  static final int JUDGES = 20;

  private final Random random;

  EvaluationJobs(long seed) {
    this.random = new Random(seed);
  }

  /** The judge id with the given rank: rank 0 is the most used. */
  static String judge(int rank) {
    return "judge-" + rank;
  }

  EvaluationJob job(int index) {
    EvaluationStatus status = status();
    Instant created = FIRST_CREATED.plus(SPACING.multipliedBy(index)).plusMillis(random.nextInt(60_000));
    boolean hasJudge = random.nextInt(10) != 0;
    // Zipf-like: the square of a uniform value piles most jobs on the first judges.
    double u = random.nextDouble();
    String judge = judge((int) (u * u * JUDGES));
    OptionalLong total = random.nextInt(20) == 0 ? OptionalLong.empty() : OptionalLong.of(1 + random.nextInt(10_000));
    boolean finished = status == EvaluationStatus.COMPLETED || status == EvaluationStatus.FAILED
        || status == EvaluationStatus.CANCELLED;
    Optional<Instant> started =
        status == EvaluationStatus.QUEUED ? Optional.empty() : Optional.of(created.plusSeconds(random.nextInt(600)));
    Optional<Instant> completed =
        finished ? started.map(s -> s.plusSeconds(1 + random.nextInt(7_200))) : Optional.empty();
    Optional<Percentage> progress;
    switch (status) {
      case COMPLETED:
        progress = Optional.of(Percentage.of(100.0));
        break;
      case QUEUED:
        progress = Optional.empty();
        break;
      default:
        progress = Optional.of(Percentage.of(Math.round(random.nextDouble() * 10_000) / 100.0));
        break;
    }
    OptionalLong processed = total.isPresent() && progress.isPresent()
        ? OptionalLong.of((long) (total.getAsLong() * progress.get().doubleValue() / 100))
        : OptionalLong.empty();
    return new EvaluationJob(
        String.format("ev-%08d-%04x", index, random.nextInt(0x10000)),
        status,
        total,
        processed,
        processed.isPresent() ? OptionalLong.of(processed.getAsLong() / 50) : OptionalLong.empty(),
        progress,
        hasJudge ? Optional.of(judge) : Optional.empty(),
        hasJudge ? Optional.of("Judge " + judge) : Optional.empty(),
        created,
        started,
        completed,
        status == EvaluationStatus.PROCESSING ? Optional.of(created.plusSeconds(3_600)) : Optional.empty(),
        Optional.of(random.nextInt(5) == 0 ? "high" : "normal"));
  }

  private EvaluationStatus status() {
    int roll = random.nextInt(100);
    if (roll < 60) {
      return EvaluationStatus.COMPLETED;
    } else if (roll < 70) {
      return EvaluationStatus.FAILED;
    } else if (roll < 85) {
      return EvaluationStatus.PROCESSING;
    } else if (roll < 95) {
      return EvaluationStatus.QUEUED;
    }
    return EvaluationStatus.CANCELLED;
  }
}
