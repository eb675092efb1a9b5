package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringJobJsonTest {
  private static String written(ScoringJob job) {
    return Json.write(json -> ScoringJobJson.write(json, job));
  }

  @Test
  void write_absentFields_areAllPresentAsNull() {
    AgentIdentityContext identity =
        AgentIdentityContext.builder("acme", "support").build();
    ScoringJob job = new ScoringJob("job-1", identity, "data_grounding", ScoringStatus.COMPLETED, Optional.empty(),
        Optional.empty(), Instant.parse("2026-11-23T10:00:00Z"));

    JsonNode out = ApiContract.parse(written(job));

    JsonNode context = out.get("agent_identity_context");
    assertEquals(14, context.size());
    Iterator<Map.Entry<String, JsonNode>> fields = context.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("customer_id") && !field.getKey().equals("project_id")) {
        assertTrue(field.getValue().isNull(), field.getKey());
      }
    }
    assertTrue(out.get("score").isNull());
    assertTrue(out.get("explanation").isNull());
    assertEquals(6, out.size());
    ApiContract.assertJobList("[" + written(job) + "]");
  }
}
