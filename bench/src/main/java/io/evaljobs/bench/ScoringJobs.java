package io.evaljobs.bench;

import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.Score;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Deterministic scoring jobs: broad fields (agent names, versions, tools) with skewed popularity, sessions of about
 * ten jobs, and a unique tool execution id per job, as the design's selectivity ranking assumes.
 */
final class ScoringJobs {
  static final Instant FIRST_CREATED = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration SPACING = Duration.ofMinutes(1);
  static final int AGENTS = 8;
  static final int VERSIONS = 5;

  private final Random random;

  ScoringJobs(long seed) {
    this.random = new Random(seed);
  }

  static String agentName(int rank) {
    return "agent-" + rank;
  }

  static String agentVersion(int rank) {
    return "v" + rank;
  }

  static String toolExecutionId(String projectId, int index) {
    return projectId + "-exec-" + index;
  }

  static String agentSessionId(String projectId, int index) {
    return projectId + "-session-" + index / 10;
  }

  ScoringJob job(String customerId, String projectId, int index) {
    double u = random.nextDouble();
    AgentIdentityContext identity =
        new AgentIdentityContext(
            customerId,
            projectId,
            Optional.of(agentName((int) (u * u * AGENTS))),
            Optional.of(agentVersion(random.nextInt(VERSIONS))),
            Optional.of(agentSessionId(projectId, index)),
            OptionalLong.of(index % 10),
            Optional.of("workflow-" + random.nextInt(4)),
            Optional.of("wv" + random.nextInt(3)),
            Optional.of(projectId + "-wsession-" + index / 20),
            random.nextInt(4) == 0 ? Optional.of("batch-def-" + random.nextInt(10)) : Optional.empty(),
            random.nextInt(4) == 0 ? Optional.of("batch-exec-" + index / 100) : Optional.empty(),
            Optional.of("tool-" + random.nextInt(15)),
            Optional.of(projectId + "-tool-instance-" + index / 50),
            Optional.of(toolExecutionId(projectId, index)));
    ScoringStatus status = random.nextInt(10) < 8 ? ScoringStatus.COMPLETED : ScoringStatus.values()[random.nextInt(5)];
    boolean judge = random.nextBoolean();
    Optional<Score> score =
        status == ScoringStatus.COMPLETED
            ? Optional.of(new Score(judge ? Integer.toString(random.nextInt(11)) : "0." + (10 + random.nextInt(90))))
            : Optional.empty();
    return new ScoringJob(
        String.format("sj-%08d-%04x", index, random.nextInt(0x10000)),
        identity,
        judge ? "judge" : "statistical",
        status,
        score,
        score.map(s -> "scored by the " + (judge ? "judge" : "statistical") + " module"),
        FIRST_CREATED.plus(SPACING.multipliedBy(index)).plusMillis(random.nextInt(30_000)));
  }
}
