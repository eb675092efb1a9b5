package io.evaljobs.evaluations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.util.Optional;

/** The response body of GET /evaluations: the jobs and the pagination block. */
final class EvaluationPageJson {
  private EvaluationPageJson() {}

  static Json.Body of(EvaluationPage page) {
    return json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("jobs");
      for (EvaluationJob job : page.jobs()) {
        EvaluationJobJson.write(json, job);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("pagination");
      json.writeNumberField("total_count", page.totalCount());
      json.writeNumberField("limit", page.limit());
      json.writeNumberField("offset", page.offset());
      json.writeBooleanField("has_next", page.hasNext());
      json.writeBooleanField("has_previous", page.hasPrevious());
      writeToken(json, "next_offset", page.nextToken());
      writeToken(json, "previous_offset", page.previousToken());
      json.writeEndObject();
      json.writeEndObject();
    };
  }

  private static void writeToken(JsonGenerator json, String name, Optional<String> token) throws IOException {
    json.writeFieldName(name);
    if (token.isPresent()) {
      json.writeString(token.get());
    } else {
      json.writeNull();
    }
  }
}
