package io.evaljobs.bench;

import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.Score;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic scoring jobs whose filter values are common alone and rare together. Agent {@link #AGENT} and tool
 * {@link #TOOL} each run in about half the jobs, in alternating stretches of 200 to 800 jobs (a busy agent, then a
 * busy tool), and meet in one job per thousand. Version {@link #VERSION} and workflow {@link #WORKFLOW} are each in
 * about half the jobs too, but interleaved job by job, and also meet in one job per thousand: no index of one field
 * can skip anything there. Four jobs share each creation second. Sessions hold ten jobs, executions one.
 */
final class SkewedScoringJobs {
  static final String AGENT = "agent-busy";
  static final String TOOL = "tool-busy";
  static final String VERSION = "v-common";
  static final String WORKFLOW = "wf-common";
  static final Instant FIRST_CREATED = Instant.parse("2025-06-01T00:00:00Z");

  private final Random random;
  private final Set<Integer> agentAndTool = new HashSet<>();
  private final Set<Integer> versionAndWorkflow = new HashSet<>();
  private boolean agentStretch;
  private int stretchLeft;

  /** Jobs 0 to {@code count - 1}, generated in that order. */
  SkewedScoringJobs(long seed, int count) {
    this.random = new Random(seed);
    while (agentAndTool.size() < rarePairs(count)) {
      agentAndTool.add(random.nextInt(count));
    }
    while (versionAndWorkflow.size() < rarePairs(count)) {
      versionAndWorkflow.add(random.nextInt(count));
    }
  }

  /** How many jobs each rare pair of common values holds among {@code count}. */
  static int rarePairs(int count) {
    return Math.max(1, count / 1_000);
  }

  static String session(String projectId, int index) {
    return projectId + "-session-" + index / 10;
  }

  static String execution(String projectId, int index) {
    return projectId + "-exec-" + index;
  }

  ScoringJob job(String customerId, String projectId, int index) {
    if (stretchLeft == 0) {
      agentStretch = !agentStretch;
      stretchLeft = 200 + random.nextInt(600);
    }
    stretchLeft--;
    String agent = agentStretch ? AGENT : "agent-" + random.nextInt(3);
    String tool = agentStretch ? "tool-" + random.nextInt(3) : TOOL;
    if (agentAndTool.contains(index)) {
      agent = AGENT;
      tool = TOOL;
    }
    boolean common = random.nextBoolean();
    String version = common ? VERSION : "v-" + random.nextInt(4);
    String workflow = common ? "wf-" + random.nextInt(4) : WORKFLOW;
    if (versionAndWorkflow.contains(index)) {
      version = VERSION;
      workflow = WORKFLOW;
    }
    AgentIdentityContext identity =
        AgentIdentityContext.builder(customerId, projectId)
            .agentName(Optional.of(agent))
            .agentVersion(Optional.of(version))
            .agentSessionId(Optional.of(session(projectId, index)))
            .agentTurn(OptionalLong.of(index % 10))
            .agentWorkflowName(Optional.of(workflow))
            .agentWorkflowVersion(Optional.of("wv-" + random.nextInt(3)))
            .agentWorkflowSessionId(Optional.of(projectId + "-wsession-" + index / 20))
            .toolId(Optional.of(tool))
            .toolInstanceId(Optional.of(projectId + "-instance-" + index / 50))
            .toolExecutionId(Optional.of(execution(projectId, index)))
            .build();
    return new ScoringJob(
        String.format("sk-%08d-%04x", index, random.nextInt(0x10000)), identity, "judge", ScoringStatus.COMPLETED,
        Optional.of(new Score(Integer.toString(random.nextInt(11)))), Optional.of("scored by the judge module"),
        FIRST_CREATED.plusSeconds(index / 4));
  }
}
