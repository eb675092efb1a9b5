package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.contract.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query parameters scoring-jobs.json documents are exactly the ones the parser reads, with the same limits. */
class DocumentedParametersTest {
  private static final JsonNode PARAMETERS =
      ApiContract.parse(new String(OpenApiDocument.SCORING_JOBS.bytes(), StandardCharsets.UTF_8))
          .at("/paths/~1v2~1confidence-scoring~1jobs/get/parameters");

  @Test
  void documentedNames_areTheFiltersLimitAndOffset() {
    Set<String> expected = new LinkedHashSet<>();
    for (JobFilter filter : JobFilter.values()) {
      expected.add(filter.fieldName());
    }
    expected.add(ScoringJobQueryParser.LIMIT);
    expected.add(ScoringJobQueryParser.OFFSET);
    Set<String> documented = new LinkedHashSet<>();
    PARAMETERS.forEach(parameter -> documented.add(parameter.path("name").asText()));
    assertEquals(expected, documented);
  }

  @Test
  void documentedLimit_matchesTheParser() {
    JsonNode limit = null;
    for (JsonNode parameter : PARAMETERS) {
      if (parameter.path("name").asText().equals(ScoringJobQueryParser.LIMIT)) {
        limit = parameter.path("schema");
      }
    }
    assertEquals(1, limit.path("minimum").asInt());
    assertEquals(ScoringJobQuery.MAX_LIMIT, limit.path("maximum").asInt());
    // Without limit the response holds the whole listing as far as its bounds allow: there is no default page size.
    assertTrue(limit.path("default").isMissingNode(), limit.toString());
  }
}
