package io.evaljobs.scoring;

import java.util.Optional;
import java.util.function.Function;

/** The identity fields a listing can be filtered by, each an exact match on one query parameter. */
enum JobFilter {
  AGENT_NAME("agent_name", AgentIdentityContext::agentName),
  AGENT_VERSION("agent_version", AgentIdentityContext::agentVersion),
  AGENT_SESSION_ID("agent_session_id", AgentIdentityContext::agentSessionId),
  AGENT_WORKFLOW_NAME("agent_workflow_name", AgentIdentityContext::agentWorkflowName),
  AGENT_WORKFLOW_VERSION("agent_workflow_version", AgentIdentityContext::agentWorkflowVersion),
  AGENT_WORKFLOW_SESSION_ID("agent_workflow_session_id", AgentIdentityContext::agentWorkflowSessionId),
  TOOL_ID("tool_id", AgentIdentityContext::toolId),
  TOOL_INSTANCE_ID("tool_instance_id", AgentIdentityContext::toolInstanceId),
  TOOL_EXECUTION_ID("tool_execution_id", AgentIdentityContext::toolExecutionId);

  private final String fieldName;
  private final Function<AgentIdentityContext, Optional<String>> accessor;

  JobFilter(String fieldName, Function<AgentIdentityContext, Optional<String>> accessor) {
    this.fieldName = fieldName;
    this.accessor = accessor;
  }

  /** The query parameter, JSON field and plain item attribute name, all the same. */
  String fieldName() {
    return fieldName;
  }

  Optional<String> valueOf(AgentIdentityContext identity) {
    return accessor.apply(identity);
  }
}
