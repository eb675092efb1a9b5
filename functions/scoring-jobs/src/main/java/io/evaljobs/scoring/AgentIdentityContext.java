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

  /** A builder for the tenant's context, with every other field absent. */
  public static Builder builder(String customerId, String projectId) {
    return new Builder(customerId, projectId);
  }

  public Builder toBuilder() {
    return new Builder(customerId, projectId)
        .agentName(agentName)
        .agentVersion(agentVersion)
        .agentSessionId(agentSessionId)
        .agentTurn(agentTurn)
        .agentWorkflowName(agentWorkflowName)
        .agentWorkflowVersion(agentWorkflowVersion)
        .agentWorkflowSessionId(agentWorkflowSessionId)
        .batchDefinitionId(batchDefinitionId)
        .batchExecutionId(batchExecutionId)
        .toolId(toolId)
        .toolInstanceId(toolInstanceId)
        .toolExecutionId(toolExecutionId);
  }

  /** Builds an {@link AgentIdentityContext}; the record's checks run at {@link #build()}. */
  public static final class Builder {
    private final String customerId;
    private final String projectId;
    private Optional<String> agentName = Optional.empty();
    private Optional<String> agentVersion = Optional.empty();
    private Optional<String> agentSessionId = Optional.empty();
    private OptionalLong agentTurn = OptionalLong.empty();
    private Optional<String> agentWorkflowName = Optional.empty();
    private Optional<String> agentWorkflowVersion = Optional.empty();
    private Optional<String> agentWorkflowSessionId = Optional.empty();
    private Optional<String> batchDefinitionId = Optional.empty();
    private Optional<String> batchExecutionId = Optional.empty();
    private Optional<String> toolId = Optional.empty();
    private Optional<String> toolInstanceId = Optional.empty();
    private Optional<String> toolExecutionId = Optional.empty();

    private Builder(String customerId, String projectId) {
      this.customerId = customerId;
      this.projectId = projectId;
    }

    public Builder agentName(Optional<String> agentName) {
      this.agentName = agentName;
      return this;
    }

    public Builder agentVersion(Optional<String> agentVersion) {
      this.agentVersion = agentVersion;
      return this;
    }

    public Builder agentSessionId(Optional<String> agentSessionId) {
      this.agentSessionId = agentSessionId;
      return this;
    }

    public Builder agentTurn(OptionalLong agentTurn) {
      this.agentTurn = agentTurn;
      return this;
    }

    public Builder agentWorkflowName(Optional<String> agentWorkflowName) {
      this.agentWorkflowName = agentWorkflowName;
      return this;
    }

    public Builder agentWorkflowVersion(Optional<String> agentWorkflowVersion) {
      this.agentWorkflowVersion = agentWorkflowVersion;
      return this;
    }

    public Builder agentWorkflowSessionId(Optional<String> agentWorkflowSessionId) {
      this.agentWorkflowSessionId = agentWorkflowSessionId;
      return this;
    }

    public Builder batchDefinitionId(Optional<String> batchDefinitionId) {
      this.batchDefinitionId = batchDefinitionId;
      return this;
    }

    public Builder batchExecutionId(Optional<String> batchExecutionId) {
      this.batchExecutionId = batchExecutionId;
      return this;
    }

    public Builder toolId(Optional<String> toolId) {
      this.toolId = toolId;
      return this;
    }

    public Builder toolInstanceId(Optional<String> toolInstanceId) {
      this.toolInstanceId = toolInstanceId;
      return this;
    }

    public Builder toolExecutionId(Optional<String> toolExecutionId) {
      this.toolExecutionId = toolExecutionId;
      return this;
    }

    public AgentIdentityContext build() {
      return new AgentIdentityContext(
          customerId, projectId, agentName, agentVersion, agentSessionId, agentTurn, agentWorkflowName,
          agentWorkflowVersion, agentWorkflowSessionId, batchDefinitionId, batchExecutionId, toolId,
          toolInstanceId, toolExecutionId);
    }
  }
}
