package io.evaljobs.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.paging.ResponseBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scoring job in the API's ScoringJobResponse shape, as list responses write it. */
public final class ScoringJobJson {
  private ScoringJobJson() {}

  /** The most bytes {@link #write} can take for {@code job}, for {@link ResponseBytes}. */
  static long worstCaseBytes(ScoringJob job) {
    AgentIdentityContext id = job.identity();
    List<String> strings = new ArrayList<>(16);
    strings.add(job.jobId());
    strings.add(id.customerId());
    strings.add(id.projectId());
    for (Optional<String> value : List.of(
        id.agentName(), id.agentVersion(), id.agentSessionId(), id.agentWorkflowName(), id.agentWorkflowVersion(),
        id.agentWorkflowSessionId(), id.batchDefinitionId(), id.batchExecutionId(), id.toolId(), id.toolInstanceId(),
        id.toolExecutionId(), job.explanation())) {
      value.ifPresent(strings::add);
    }
    strings.add(job.module());
    job.score().ifPresent(score -> strings.add(score.literal()));
    return ResponseBytes.worstCase(strings);
  }

  /** Writes {@code job} as one ScoringJobResponse object. */
  public static void write(JsonGenerator json, ScoringJob job) throws IOException {
    AgentIdentityContext identity = job.identity();
    json.writeStartObject();
    json.writeStringField("job_id", job.jobId());
    json.writeObjectFieldStart("agent_identity_context");
    json.writeStringField("customer_id", identity.customerId());
    json.writeStringField("project_id", identity.projectId());
    writeOptional(json, "agent_name", identity.agentName());
    writeOptional(json, "agent_version", identity.agentVersion());
    writeOptional(json, "agent_session_id", identity.agentSessionId());
    json.writeFieldName("agent_turn");
    if (identity.agentTurn().isPresent()) {
      json.writeNumber(identity.agentTurn().getAsLong());
    } else {
      json.writeNull();
    }
    writeOptional(json, "agent_workflow_name", identity.agentWorkflowName());
    writeOptional(json, "agent_workflow_version", identity.agentWorkflowVersion());
    writeOptional(json, "agent_workflow_session_id", identity.agentWorkflowSessionId());
    writeOptional(json, "batch_definition_id", identity.batchDefinitionId());
    writeOptional(json, "batch_execution_id", identity.batchExecutionId());
    writeOptional(json, "tool_id", identity.toolId());
    writeOptional(json, "tool_instance_id", identity.toolInstanceId());
    writeOptional(json, "tool_execution_id", identity.toolExecutionId());
    json.writeEndObject();
    json.writeStringField("module", job.module());
    json.writeStringField("status", job.status().wireName());
    json.writeFieldName("score");
    if (job.score().isPresent()) {
      // The literal was checked against the JSON number grammar when the Score was made.
      json.writeNumber(job.score().get().literal());
    } else {
      json.writeNull();
    }
    writeOptional(json, "explanation", job.explanation());
    json.writeEndObject();
  }

  private static void writeOptional(JsonGenerator json, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }
}
