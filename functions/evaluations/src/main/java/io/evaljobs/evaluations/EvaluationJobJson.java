package io.evaljobs.evaluations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.http.Json;
import io.evaljobs.paging.ResponseBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The API's JSON shape of one evaluation job: written into list responses, read from JSON Lines imports. */
public final class EvaluationJobJson {
  private static final Set<String> FIELDS =
      Set.of(
          "job_id", "status", "total_items", "processed_items", "failed_items", "progress_percentage", "judge_id",
          "judge_name", "created_at", "started_at", "completed_at", "estimated_completion_time", "priority");

  private EvaluationJobJson() {}

  /** Writes every field, absent ones as null, timestamps as ISO 8601 UTC. */
  /** The most bytes {@link #write} can take for {@code job}, for {@link ResponseBytes}. */
  static long worstCaseBytes(EvaluationJob job) {
    List<String> strings = new ArrayList<>(4);
    strings.add(job.jobId());
    job.judgeId().ifPresent(strings::add);
    job.judgeName().ifPresent(strings::add);
    job.priority().ifPresent(strings::add);
    job.progressPercentage().ifPresent(progress -> strings.add(progress.literal()));
    return ResponseBytes.worstCase(strings);
  }

  public static void write(JsonGenerator json, EvaluationJob job) throws IOException {
    json.writeStartObject();
    json.writeStringField("job_id", job.jobId());
    json.writeStringField("status", job.status().wireName());
    writeCount(json, "total_items", job.totalItems());
    writeCount(json, "processed_items", job.processedItems());
    writeCount(json, "failed_items", job.failedItems());
    json.writeFieldName("progress_percentage");
    if (job.progressPercentage().isPresent()) {
      // Written as stored: the literal was checked against the JSON number grammar when the Percentage was made.
      json.writeNumber(job.progressPercentage().get().literal());
    } else {
      json.writeNull();
    }
    writeString(json, "judge_id", job.judgeId());
    writeString(json, "judge_name", job.judgeName());
    json.writeStringField("created_at", job.createdAt().toString());
    writeString(json, "started_at", job.startedAt().map(Instant::toString));
    writeString(json, "completed_at", job.completedAt().map(Instant::toString));
    writeString(json, "estimated_completion_time", job.estimatedCompletionTime().map(Instant::toString));
    writeString(json, "priority", job.priority());
    json.writeEndObject();
  }

  /**
   * Reads one job object, e.g. a JSON Lines line. Throws {@link IllegalArgumentException} naming the field at fault:
   * unknown or repeated fields, wrong types, job_id/status/created_at missing, values out of range.
   */
  public static EvaluationJob parse(String jsonObject) {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser parser = Json.FACTORY.createParser(jsonObject)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a job must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (!FIELDS.contains(name)) {
          throw new IllegalArgumentException("unknown field " + name);
        }
        if (fields.containsKey(name)) {
          throw new IllegalArgumentException("field " + name + " given twice");
        }
        fields.put(name, readValue(parser, name));
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the job object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a job must be one valid JSON object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("a job must be one valid JSON object");
    }
    return toJob(fields);
  }

  private static EvaluationJob toJob(Map<String, Object> fields) {
    String jobId = string(fields, "job_id").orElseThrow(() -> new IllegalArgumentException("job_id is required"));
    String statusText =
        string(fields, "status").orElseThrow(() -> new IllegalArgumentException("status is required"));
    EvaluationStatus status =
        EvaluationStatus.fromWire(statusText)
            .orElseThrow(() -> new IllegalArgumentException("status must be one of " + EvaluationStatus.ALLOWED));
    Instant createdAt =
        instant(fields, "created_at").orElseThrow(() -> new IllegalArgumentException("created_at is required"));
    return new EvaluationJob(
        jobId,
        status,
        count(fields, "total_items"),
        count(fields, "processed_items"),
        count(fields, "failed_items"),
        number(fields, "progress_percentage").map(Percentage::new),
        string(fields, "judge_id"),
        string(fields, "judge_name"),
        createdAt,
        instant(fields, "started_at"),
        instant(fields, "completed_at"),
        instant(fields, "estimated_completion_time"),
        string(fields, "priority"));
  }

  /** A scalar as String or {@link NumberText}; JSON null is {@link Absent}. */
  private static Object readValue(JsonParser parser, String name) throws IOException {
    JsonToken token = parser.nextToken();
    switch (token) {
      case VALUE_NULL:
        return Absent.VALUE;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return new NumberText(parser.getText(), true);
      case VALUE_NUMBER_FLOAT:
        return new NumberText(parser.getText(), false);
      default:
        throw new IllegalArgumentException(name + " must be a string, a number or null");
    }
  }

  /** A JSON number's literal text, kept so that the stored number is the imported one. */
  private record NumberText(String text, boolean integer) {}

  /** Marks a field given as JSON null, so that a repeated null field is still noticed. */
  private enum Absent {
    VALUE
  }

  private static Optional<String> string(Map<String, Object> fields, String name) {
    Object value = fields.getOrDefault(name, Absent.VALUE);
    if (value == Absent.VALUE) {
      return Optional.empty();
    }
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return Optional.of((String) value);
  }

  private static OptionalLong count(Map<String, Object> fields, String name) {
    Object value = fields.getOrDefault(name, Absent.VALUE);
    if (value == Absent.VALUE) {
      return OptionalLong.empty();
    }
    if (!(value instanceof NumberText) || !((NumberText) value).integer()) {
      throw new IllegalArgumentException(name + " must be an integer");
    }
    long count;
    try {
      count = Long.parseLong(((NumberText) value).text());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is out of range");
    }
    if (count < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return OptionalLong.of(count);
  }

  private static Optional<String> number(Map<String, Object> fields, String name) {
    Object value = fields.getOrDefault(name, Absent.VALUE);
    if (value == Absent.VALUE) {
      return Optional.empty();
    }
    if (!(value instanceof NumberText)) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return Optional.of(((NumberText) value).text());
  }

  private static Optional<Instant> instant(Map<String, Object> fields, String name) {
    Optional<String> text = string(fields, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        IsoDateTimes.parse(text.get())
            .orElseThrow(
                () -> new IllegalArgumentException(name + " must be an ISO 8601 date or date-time, e.g. "
                    + "2024-01-14T00:00:00Z")));
  }

  private static void writeCount(JsonGenerator json, String name, OptionalLong count) throws IOException {
    json.writeFieldName(name);
    if (count.isPresent()) {
      json.writeNumber(count.getAsLong());
    } else {
      json.writeNull();
    }
  }

  private static void writeString(JsonGenerator json, String name, Optional<String> value) throws IOException {
    json.writeFieldName(name);
    if (value.isPresent()) {
      json.writeString(value.get());
    } else {
      json.writeNull();
    }
  }
}
