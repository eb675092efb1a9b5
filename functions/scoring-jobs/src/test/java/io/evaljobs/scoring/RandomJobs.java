package io.evaljobs.scoring;

import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Random scoring jobs whose values collide on purpose: few tenants whose keys alias when joined naively, shared
 * agent names and job ids across tenants, separators and escapes inside values, and non-ASCII ids whose UTF-16 and
 * UTF-8 orders differ.
 */
final class RandomJobs {
  static final List<CustomerProject> TENANTS =
      List.of(
          new CustomerProject("acme", "support"),
          new CustomerProject("acme", "billing"),
          new CustomerProject("globex", "support"),
          new CustomerProject("a#b", "c"),
          new CustomerProject("a", "b#c"),
          new CustomerProject("a\\", "#c"));

  private static final Map<JobFilter, List<String>> POOLS = new EnumMap<>(JobFilter.class);

  static {
    POOLS.put(JobFilter.AGENT_NAME, List.of("support-bot", "router", "a#b", "a", "b#", "", "\u00fcni-bot", "x\\#y"));
    POOLS.put(JobFilter.AGENT_VERSION, List.of("1.0", "1.1", "2.0", "", "v#1"));
    POOLS.put(JobFilter.AGENT_SESSION_ID, numbered("sess-", 40));
    POOLS.put(JobFilter.AGENT_WORKFLOW_NAME, List.of("triage", "refund", "triage#refund", "\\"));
    POOLS.put(JobFilter.AGENT_WORKFLOW_VERSION, List.of("1", "2", "1#2"));
    POOLS.put(JobFilter.AGENT_WORKFLOW_SESSION_ID, numbered("wf-", 30));
    POOLS.put(JobFilter.TOOL_ID, List.of("web-search", "calculator", "sql#runner", ""));
    POOLS.put(JobFilter.TOOL_INSTANCE_ID, numbered("inst-", 12));
    POOLS.put(JobFilter.TOOL_EXECUTION_ID, numbered("exec-", 60));
  }

  private static final String[] ID_SUFFIXES = {"", "#", "\\", "\u00e9", "\uff5e", "\ud83d\ude00", "#\\#"};
  private static final String[] MODULES = {"correctness", "coherence", "faithfulness", "observed_consistency",
      "data_grounding"};
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Random random;

  RandomJobs(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  static List<String> pool(JobFilter filter) {
    return POOLS.get(filter);
  }

  List<ScoringJob> generate(int count) {
    List<ScoringJob> jobs = new ArrayList<>(count);
    Map<CustomerProject, Set<String>> ids = new java.util.HashMap<>();
    while (jobs.size() < count) {
      CustomerProject tenant = TENANTS.get(random.nextInt(TENANTS.size()));
      // Shared numbering across tenants, so the same job_id lives in several of them.
      String jobId = "job-" + random.nextInt(count) + ID_SUFFIXES[random.nextInt(ID_SUFFIXES.length)];
      if (ids.computeIfAbsent(tenant, t -> new HashSet<>()).add(jobId)) {
        jobs.add(job(tenant, jobId));
      }
    }
    return jobs;
  }

  ScoringJob job(CustomerProject tenant, String jobId) {
    Map<JobFilter, Optional<String>> values = new EnumMap<>(JobFilter.class);
    for (JobFilter filter : JobFilter.values()) {
      List<String> pool = POOLS.get(filter);
      values.put(
          filter, random.nextInt(5) == 0 ? Optional.empty() : Optional.of(pool.get(random.nextInt(pool.size()))));
    }
    AgentIdentityContext identity =
        new AgentIdentityContext(
            tenant.customerId(),
            tenant.projectId(),
            values.get(JobFilter.AGENT_NAME),
            values.get(JobFilter.AGENT_VERSION),
            values.get(JobFilter.AGENT_SESSION_ID),
            random.nextBoolean() ? OptionalLong.of(random.nextInt(30)) : OptionalLong.empty(),
            values.get(JobFilter.AGENT_WORKFLOW_NAME),
            values.get(JobFilter.AGENT_WORKFLOW_VERSION),
            values.get(JobFilter.AGENT_WORKFLOW_SESSION_ID),
            random.nextBoolean() ? Optional.of("batch-def-" + random.nextInt(5)) : Optional.empty(),
            random.nextBoolean() ? Optional.of("batch-exec-" + random.nextInt(50)) : Optional.empty(),
            values.get(JobFilter.TOOL_ID),
            values.get(JobFilter.TOOL_INSTANCE_ID),
            values.get(JobFilter.TOOL_EXECUTION_ID));
    ScoringStatus status = ScoringStatus.values()[random.nextInt(ScoringStatus.values().length)];
    String module = MODULES[random.nextInt(MODULES.length)];
    Optional<Score> score = Optional.empty();
    if (status == ScoringStatus.COMPLETED && random.nextInt(4) != 0) {
      score = Optional.of(new Score(module.contains("_") ? fraction() : Integer.toString(random.nextInt(11))));
    }
    Optional<String> explanation =
        random.nextBoolean() ? Optional.of("because #" + random.nextInt(100)) : Optional.empty();
    // Few distinct instants, so that ties on created_at are common and job_id decides.
    Instant createdAt = EPOCH.plusSeconds(random.nextInt(400)).plusNanos(random.nextInt(3) * 1_000L);
    return new ScoringJob(jobId, identity, module, status, score, explanation, createdAt);
  }

  private String fraction() {
    String[] literals = {"0.5", "0.50", "1.0", "0.0", "0.125", "0.3333333333333333333", "1e-1", "0.9"};
    return literals[random.nextInt(literals.length)];
  }

  private static List<String> numbered(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i + (i % 7 == 0 ? "#x" : ""));
    }
    return out;
  }
}
