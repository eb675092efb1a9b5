package io.evaljobs.scoring;

import java.util.Optional;
import java.util.OptionalLong;

/** The agent, workflow and tool context that produced a scored output; customer and project are its tenant. */
public record AgentIdentityContext(
    String customerId,
    String projectId,
    Optional<String> agentName,
    Optional<String> agentVersion,
    Optional<String> agentSessionId,
    OptionalLong agentTurn,
    Optional<String> agentWorkflowName,
    Optional<String> agentWorkflowVersion,
    Optional<String> agentWorkflowSessionId,
    Optional<String> batchDefinitionId,
    Optional<String> batchExecutionId,
    Optional<String> toolId,
    Optional<String> toolInstanceId,
    Optional<String> toolExecutionId) {

  public AgentIdentityContext {
    if (customerId.isEmpty() || projectId.isEmpty()) {
      throw new IllegalArgumentException("customer_id and project_id must not be empty");
    }
  }
}
