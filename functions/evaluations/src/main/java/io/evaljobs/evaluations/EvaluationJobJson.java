package io.evaljobs.evaluations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.paging.ResponseBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The API's JSON shape of one evaluation job, as list responses write it. */
public final class EvaluationJobJson {
  private EvaluationJobJson() {}

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

  /** Writes every field, absent ones as null, timestamps as ISO 8601 UTC. */
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
