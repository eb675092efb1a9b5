package io.evaljobs.evaluations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Seeded random jobs built to stress ordering and isolation: job ids and judge ids that repeat across
 * organizations, characters that need escaping or sort differently in UTF-8 than in UTF-16, tied sort values, and
 * missing completion times, progress, item counts and judges.
 */
public final class RandomJobs {
  static final List<String> ORGANIZATIONS = List.of("acme", "acme#j1", "acme\\", "beta", "\uD83D\uDE00org");
  static final List<String> JUDGES =
      List.of("j1", "j1#x", "#", "\\", "judge-\uFF21", "judge-\uD83D\uDE00", "gpt-judge", "j1\\#x");
  static final Instant BASE = Instant.parse("2024-01-10T00:00:00Z");
  static final long SPAN_SECONDS = 20L * 24 * 3600;

  private final Random random;

  public RandomJobs(Random random) {
    this.random = random;
  }

  /** {@code count} jobs spread unevenly over the organizations; (organization, job id) is unique. */
  List<StoredJob> generate(int count) {
    List<StoredJob> jobs = new ArrayList<>(count);
    int[] weights = {40, 25, 15, 15, 5};
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(100);
      int org = 0;
      for (int acc = weights[0]; pick >= acc; acc += weights[++org]) {}
      // Ids repeat across organizations: i / 3 collides for neighbours that land in different organizations.
      String jobId = jobId(i / 3) + "-" + (i % 3);
      jobs.add(new StoredJob(ORGANIZATIONS.get(org), job(jobId)));
    }
    return jobs;
  }

  private String jobId(int n) {
    switch (n % 5) {
      case 0:
        return "job-" + n;
      case 1:
        return "job-\uFF21" + n;
      case 2:
        return "job-\uD83D\uDE00" + n;
      case 3:
        return "JOB#" + n;
      default:
        return "job\\" + n;
    }
  }

  public EvaluationJob job(String jobId) {
    EvaluationStatus status = EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)];
    // Coarse times so that several jobs share a creation instant; some carry nanoseconds.
    Instant created = BASE.plusSeconds(random.nextInt((int) (SPAN_SECONDS / 3600)) * 3600L);
    if (random.nextInt(4) == 0) {
      created = created.plusNanos(random.nextInt(1_000_000_000));
    }
    Optional<Instant> started =
        status == EvaluationStatus.QUEUED ? Optional.empty() : Optional.of(created.plusSeconds(random.nextInt(600)));
    Optional<Instant> completed =
        status == EvaluationStatus.COMPLETED || status == EvaluationStatus.FAILED || random.nextInt(10) == 0
            ? Optional.of(created.plusSeconds(3600L * random.nextInt(5)))
            : Optional.empty();
    OptionalLong total = random.nextInt(8) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextInt(6) * 100L);
    Optional<Percentage> progress =
        random.nextInt(6) == 0
            ? Optional.empty()
            : Optional.of(Percentage.of(random.nextBoolean() ? random.nextInt(5) * 25.0 : random.nextDouble() * 100));
    Optional<String> judge =
        random.nextInt(5) == 0 ? Optional.empty() : Optional.of(JUDGES.get(random.nextInt(JUDGES.size())));
    return new EvaluationJob(
        jobId,
        status,
        total,
        total.isPresent() ? OptionalLong.of(random.nextInt((int) total.getAsLong() + 1)) : OptionalLong.empty(),
        random.nextBoolean() ? OptionalLong.of(random.nextInt(5)) : OptionalLong.empty(),
        progress,
        judge,
        judge.map(j -> "Judge " + j),
        created,
        started,
        completed,
        random.nextInt(3) == 0 ? Optional.of(created.plusSeconds(7200)) : Optional.empty(),
        random.nextBoolean() ? Optional.of(random.nextBoolean() ? "high" : "normal") : Optional.empty());
  }
}
