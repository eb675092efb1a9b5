package io.evaljobs.local.demo;

import io.evaljobs.tenant.Tenant;
import io.evaljobs.cli.imports.ScoringJobLine;
import io.evaljobs.http.Json;
import io.evaljobs.scoring.ScoringJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic demo scoring jobs: agent sessions of several turns, each turn scored by a few modules, over
 * versions, workflows and tools of the project's agent. Written as the API's JSON and read back through
 * {@link ScoringJobLine}, so the demo data passes the same validation as an import.
 */
final class DemoScoringJobs {
  static final Instant ANCHOR = DemoEvaluations.ANCHOR;
  private static final Duration SPREAD = Duration.ofDays(120);

  /** A project's agent: its name, versions, workflows and tools. */
  private record Agent(String name, List<String> versions, List<String> workflows, List<String> tools) {}

  private record Module(String name, boolean judge) {}

  private static final List<Module> MODULES =
      List.of(
          new Module("judge/groundedness", true),
          new Module("judge/answer-relevance", true),
          new Module("judge/policy-compliance", true),
          new Module("statistical/semantic-entropy", false),
          new Module("statistical/token-logprob", false));

  private static final List<String> EXPLANATIONS =
      List.of(
          "The answer is fully supported by the retrieved documents.",
          "Mostly supported; one claim about delivery times has no source.",
          "The response addresses the question but adds unrequested detail.",
          "The answer contradicts the refund policy in section 4.2.",
          "Low variance across sampled answers.",
          "High disagreement between sampled answers.");

  private DemoScoringJobs() {}

  static List<ScoringJob> generate(long seed, Tenant.CustomerProject tenant, int count) {
    Random random = new Random(seed);
    Agent agent = agentFor(tenant);
    List<ScoringJob> jobs = new ArrayList<>(count);
    while (jobs.size() < count) {
      session(random, tenant, agent, count - jobs.size(), jobs);
    }
    return jobs;
  }

  private static Agent agentFor(Tenant.CustomerProject tenant) {
    return switch (tenant.projectId()) {
      case "proj-support-bot" -> new Agent("support-agent", List.of("1.4.0", "1.5.0", "1.5.1", "2.0.0-rc1"),
          List.of("refund-request", "order-status", "account-recovery"),
          List.of("order-lookup", "refund-api", "kb-search"));
      case "proj-search" -> new Agent("search-assistant", List.of("0.9.2", "1.0.0", "1.1.0"),
          List.of("semantic-search", "answer-synthesis"), List.of("vector-search", "web-fetch", "reranker"));
      default -> new Agent("triage-agent", List.of("3.2.0", "3.3.0"), List.of("ticket-triage", "escalation"),
          List.of("ticket-classifier", "crm-lookup"));
    };
  }

  /** One agent session: 2 to 8 turns, each scored by 1 to 3 modules, within an hour. */
  private static void session(Random random, Tenant.CustomerProject tenant, Agent agent, int room,
      List<ScoringJob> jobs) {
    String sessionId = "sess-" + uuid(random).substring(0, 13);
    String version = agent.versions().get(random.nextInt(agent.versions().size()));
    String workflow = agent.workflows().get(random.nextInt(agent.workflows().size()));
    String workflowVersion = String.valueOf(1 + random.nextInt(4));
    String workflowSession = "wfs-" + uuid(random).substring(0, 13);
    boolean batch = random.nextInt(5) == 0;
    String batchDefinition = "batch-def-" + workflow;
    String batchExecution = "batch-exec-" + uuid(random).substring(0, 8);
    Instant start = ANCHOR.minusSeconds((long) (random.nextDouble() * SPREAD.toSeconds()));
    int turns = 2 + random.nextInt(7);
    for (int turn = 1; turn <= turns && room > 0; turn++) {
      String tool = agent.tools().get(random.nextInt(agent.tools().size()));
      String toolInstance = tool + "-" + (1 + random.nextInt(3));
      String toolExecution = "exec-" + uuid(random);
      int modules = 1 + random.nextInt(3);
      int agentTurn = turn;
      for (int m = 0; m < modules && room > 0; m++, room--) {
        Module module = MODULES.get(random.nextInt(MODULES.size()));
        Instant createdAt = start.plusSeconds(agentTurn * 40L + m * 3L + random.nextInt(20));
        String json =
            Json.write(out -> {
              out.writeStartObject();
              out.writeStringField("job_id", "score-" + uuid(random));
              out.writeObjectFieldStart("agent_identity_context");
              out.writeStringField("customer_id", tenant.customerId());
              out.writeStringField("project_id", tenant.projectId());
              out.writeStringField("agent_name", agent.name());
              out.writeStringField("agent_version", version);
              out.writeStringField("agent_session_id", sessionId);
              out.writeNumberField("agent_turn", agentTurn);
              out.writeStringField("agent_workflow_name", workflow);
              out.writeStringField("agent_workflow_version", workflowVersion);
              out.writeStringField("agent_workflow_session_id", workflowSession);
              if (batch) {
                out.writeStringField("batch_definition_id", batchDefinition);
                out.writeStringField("batch_execution_id", batchExecution);
              } else {
                out.writeNullField("batch_definition_id");
                out.writeNullField("batch_execution_id");
              }
              out.writeStringField("tool_id", tool);
              out.writeStringField("tool_instance_id", toolInstance);
              out.writeStringField("tool_execution_id", toolExecution);
              out.writeEndObject();
              out.writeStringField("module", module.name());
              String status = status(random, createdAt);
              out.writeStringField("status", status);
              out.writeFieldName("score");
              if (status.equals("completed")) {
                if (module.judge()) {
                  out.writeNumber(random.nextInt(11));
                } else {
                  out.writeRawValue(String.format(Locale.ROOT, "%.3f", random.nextDouble()));
                }
                out.writeStringField("explanation", EXPLANATIONS.get(random.nextInt(EXPLANATIONS.size())));
              } else {
                out.writeNull();
                out.writeNullField("explanation");
              }
              out.writeStringField("created_at", createdAt.toString());
              out.writeEndObject();
            });
        jobs.add(ScoringJobLine.parse(json, createdAt));
      }
    }
  }

  /** Recent jobs may still be pending; older ones are settled. */
  private static String status(Random random, Instant createdAt) {
    boolean recent = createdAt.isAfter(ANCHOR.minus(Duration.ofDays(3)));
    int roll = random.nextInt(100);
    if (recent && roll < 30) {
      return roll < 15 ? "submitted" : "in_progress";
    }
    if (roll < 88) {
      return "completed";
    }
    return roll < 95 ? "failed" : "not_run";
  }

  private static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
