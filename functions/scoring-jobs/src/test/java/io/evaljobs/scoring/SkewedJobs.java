package io.evaljobs.scoring;

import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * One large tenant whose values are common alone and rare together, in two ways. Agent {@link #AGENT} and tool
 * {@link #TOOL} each run in about half the jobs, in alternating stretches of a few hundred jobs (a busy agent, then a
 * busy tool), and meet in only {@link #RARE_PAIR} jobs. Version {@link #VERSION} and workflow {@link #WORKFLOW} are
 * each in about half the jobs too, interleaved job by job, and meet in only {@link #RARE_PAIR}. Four jobs share
 * each creation second, so ties are the rule and job_id (with suffixes whose UTF-8 and UTF-16 orders differ)
 * decides.
 */
final class SkewedJobs {
  static final String AGENT = "agent-busy";
  static final String TOOL = "tool-busy";
  static final String VERSION = "v-common";
  static final String WORKFLOW = "wf-common";
  static final int RARE_PAIR = 20;

  private static final String[] SUFFIXES = {"", "#", "\u00e9", "\uff5e", "\ud83d\ude00"};
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

  private final Random random;

  SkewedJobs(long seed) {
    this.random = new Random(seed);
  }

  List<ScoringJob> generate(CustomerProject tenant, int count) {
    List<ScoringJob> jobs = new ArrayList<>(count);
    Set<Integer> agentAndTool = pick(count);
    Set<Integer> versionAndWorkflow = pick(count);
    boolean agentStretch = random.nextBoolean();
    int stretchLeft = 0;
    for (int i = 0; i < count; i++) {
      if (stretchLeft == 0) {
        agentStretch = !agentStretch;
        stretchLeft = 200 + random.nextInt(600);
      }
      stretchLeft--;
      String agent = agentStretch ? AGENT : "agent-" + random.nextInt(3);
      String tool = agentStretch ? "tool-" + random.nextInt(3) : TOOL;
      if (agentAndTool.contains(i)) {
        agent = AGENT;
        tool = TOOL;
      }
      boolean common = random.nextBoolean();
      String version = common ? VERSION : "v-" + random.nextInt(4);
      String workflow = common ? "wf-" + random.nextInt(4) : WORKFLOW;
      if (versionAndWorkflow.contains(i)) {
        version = VERSION;
        workflow = WORKFLOW;
      }
      AgentIdentityContext identity =
          new AgentIdentityContext(
              tenant.customerId(), tenant.projectId(), Optional.of(agent), Optional.of(version),
              Optional.of("session-" + i / 10), OptionalLong.of(i % 10), Optional.of(workflow),
              Optional.of("wv-" + random.nextInt(3)), Optional.of("wsession-" + i / 20), Optional.empty(),
              Optional.empty(), Optional.of(tool), Optional.of("instance-" + i / 50), Optional.of("exec-" + i));
      String jobId = "job-" + random.nextInt(1_000_000) + "-" + i + SUFFIXES[random.nextInt(SUFFIXES.length)];
      jobs.add(
          new ScoringJob(
              jobId, identity, "correctness", ScoringStatus.COMPLETED, Optional.of(new Score("0.5")),
              Optional.empty(), EPOCH.plusSeconds(i / 4)));
    }
    return jobs;
  }

  private Set<Integer> pick(int count) {
    Set<Integer> picked = new HashSet<>();
    while (picked.size() < RARE_PAIR) {
      picked.add(random.nextInt(count));
    }
    return picked;
  }
}
