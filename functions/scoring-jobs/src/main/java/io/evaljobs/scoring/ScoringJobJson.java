package io.evaljobs.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.dynamodb.StorableText;
import io.evaljobs.http.Json;
import io.evaljobs.paging.ResponseBytes;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads and writes a scoring job in the API's ScoringJobResponse shape (plus an optional created_at on import). */
public final class ScoringJobJson {
  private static final int MAX_ID_BYTES = StoredValueLimits.MAX_ID_BYTES;
  private static final int MAX_EXPLANATION_BYTES = StoredValueLimits.MAX_EXPLANATION_BYTES;

  private ScoringJobJson() {}

  /**
   * Parses one job object. {@code created_at} (ISO 8601; UTC when it has no offset) defaults to
   * {@code defaultCreatedAt}. Throws {@link IllegalArgumentException} naming the offending field.
   */
  public static ScoringJob parse(String jsonObject, Instant defaultCreatedAt) {
    Map<String, Object> fields;
    try (JsonParser parser = Json.FACTORY.createParser(jsonObject)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a scoring job must be a JSON object");
      }
      fields = readJob(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the scoring job object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("a scoring job must be valid JSON");
    }
    Map<String, Object> identity = asIdentity(fields.get("agent_identity_context"));
    AgentIdentityContext context =
        new AgentIdentityContext(
            requiredId(identity, "agent_identity_context.customer_id"),
            requiredId(identity, "agent_identity_context.project_id"),
            optionalId(identity, "agent_name"),
            optionalId(identity, "agent_version"),
            optionalId(identity, "agent_session_id"),
            agentTurn(identity.get("agent_turn")),
            optionalId(identity, "agent_workflow_name"),
            optionalId(identity, "agent_workflow_version"),
            optionalId(identity, "agent_workflow_session_id"),
            optionalId(identity, "batch_definition_id"),
            optionalId(identity, "batch_execution_id"),
            optionalId(identity, "tool_id"),
            optionalId(identity, "tool_instance_id"),
            optionalId(identity, "tool_execution_id"));
    String jobId = requiredId(fields, "job_id");
    String module = requiredId(fields, "module");
    String statusName = requiredString(fields, "status");
    ScoringStatus status =
        ScoringStatus.fromWireName(statusName)
            .orElseThrow(() -> new IllegalArgumentException(
                "status must be one of submitted, in_progress, completed, failed, not_run"));
    Optional<Score> score = score(fields.get("score"));
    Optional<String> explanation = optionalString(fields, "explanation");
    if (explanation.isPresent()
        && (!StorableText.isWellFormed(explanation.get())
            || StorableText.utf8Length(explanation.get()) > MAX_EXPLANATION_BYTES)) {
      throw new IllegalArgumentException(
          "explanation must be well-formed Unicode of at most " + MAX_EXPLANATION_BYTES + " UTF-8 bytes");
    }
    Instant createdAt = createdAt(fields.get("created_at"), defaultCreatedAt);
    return new ScoringJob(jobId, context, module, status, score, explanation, createdAt);
  }

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

  /** Top-level fields: strings, the nested identity object, the score's literal text, or JSON null. */
  private static Map<String, Object> readJob(JsonParser parser) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (name.equals("agent_identity_context") && token == JsonToken.START_OBJECT) {
        fields.put(name, readFlatObject(parser));
      } else {
        fields.put(name, scalar(parser, token));
      }
    }
    return fields;
  }

  private static Map<String, Object> readFlatObject(JsonParser parser) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      fields.put(name, scalar(parser, parser.nextToken()));
    }
    return fields;
  }

  /** A scalar as a typed holder; anything else becomes {@link JsonOther}, which every field's check refuses. */
  private static Object scalar(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return new NumberLiteral(parser.getText(), true);
      case VALUE_NUMBER_FLOAT:
        return new NumberLiteral(parser.getText(), false);
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        parser.skipChildren();
        return JsonOther.INSTANCE;
    }
  }

  private record NumberLiteral(String text, boolean integer) {}

  private enum JsonNull {
    INSTANCE
  }

  /** Booleans, objects and arrays where the schema wants none of them. */
  private enum JsonOther {
    INSTANCE
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asIdentity(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("agent_identity_context is required and must be an object");
  }

  private static String requiredString(Map<String, Object> fields, String name) {
    String key = name.substring(name.lastIndexOf('.') + 1);
    Object value = fields.get(key);
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(name + " is required and must be a string");
  }

  private static String requiredId(Map<String, Object> fields, String name) {
    String value = requiredString(fields, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    checkIdLength(name, value);
    return value;
  }

  private static Optional<String> optionalString(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value == null || value == JsonNull.INSTANCE) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw new IllegalArgumentException(name + " must be a string or null");
  }

  private static Optional<String> optionalId(Map<String, Object> identity, String name) {
    Optional<String> value;
    try {
      value = optionalString(identity, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("agent_identity_context." + name + " must be a string or null");
    }
    value.ifPresent(v -> checkIdLength("agent_identity_context." + name, v));
    return value;
  }

  private static void checkIdLength(String name, String value) {
    if (!StoredValueLimits.fitsIdentifier(value)) {
      throw new IllegalArgumentException(
          name + " must be well-formed Unicode of at most " + MAX_ID_BYTES + " UTF-8 bytes");
    }
  }

  private static OptionalLong agentTurn(Object value) {
    if (value == null || value == JsonNull.INSTANCE) {
      return OptionalLong.empty();
    }
    if (value instanceof NumberLiteral number && number.integer()) {
      try {
        return OptionalLong.of(Long.parseLong(number.text()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("agent_identity_context.agent_turn is out of range");
      }
    }
    throw new IllegalArgumentException("agent_identity_context.agent_turn must be an integer or null");
  }

  private static Optional<Score> score(Object value) {
    if (value == null || value == JsonNull.INSTANCE) {
      return Optional.empty();
    }
    if (value instanceof NumberLiteral number) {
      return Optional.of(new Score(number.text()));
    }
    throw new IllegalArgumentException("score must be a number or null");
  }

  private static Instant createdAt(Object value, Instant defaultCreatedAt) {
    if (value == null || value == JsonNull.INSTANCE) {
      return checkStorable(defaultCreatedAt);
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("created_at must be an ISO 8601 date-time string");
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("created_at must be an ISO 8601 date-time");
      }
    }
    return checkStorable(instant);
  }

  private static Instant checkStorable(Instant instant) {
    if (instant.isBefore(SortableValues.MIN_INSTANT) || instant.isAfter(SortableValues.MAX_INSTANT)) {
      throw new IllegalArgumentException("created_at must lie in the years 0001 to 9999");
    }
    return instant;
  }
}
