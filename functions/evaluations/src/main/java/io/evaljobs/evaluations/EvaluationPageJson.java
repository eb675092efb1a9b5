package io.evaljobs.evaluations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.Page;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/** The response body of GET /evaluations: the jobs and the pagination block. */
final class EvaluationPageJson {
  private EvaluationPageJson() {}

  /** {@code token}: the page token a client sends as offset to reach a cursor's page. */
  static Json.Body of(Page<EvaluationJob> page, long totalCount, int limit, Function<Cursor, String> token) {
    return json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("jobs");
      for (EvaluationJob job : page.items()) {
        EvaluationJobJson.write(json, job);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("pagination");
      json.writeNumberField("total_count", totalCount);
      json.writeNumberField("limit", limit);
      json.writeNumberField("offset", page.position());
      json.writeBooleanField("has_next", page.hasNext());
      json.writeBooleanField("has_previous", page.hasPrevious());
      writeToken(json, "next_offset", page.next().map(token));
      writeToken(json, "previous_offset", page.previous().map(token));
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
