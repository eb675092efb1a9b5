package io.evaljobs.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentExamplesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** A status that each range response stands for, to check the range's examples through the validator. */
  private static final Map<String, Integer> RANGE_STATUS = Map.of("4XX", 429, "5XX", 502);

  @Test
  void everyResponseExample_conformsToItsOwnResponse() throws IOException {
    int checked = 0;
    checked += checkExamples(OpenApiDocument.EVALUATIONS, "/evaluations", ContractValidator.evaluations());
    checked +=
        checkExamples(OpenApiDocument.SCORING_JOBS, "/v2/confidence-scoring/jobs", ContractValidator.scoringJobs());
    assertTrue(checked >= 15, "only " + checked + " examples");
  }

  private static int checkExamples(OpenApiDocument document, String path, ContractValidator validator)
      throws IOException {
    JsonNode responses = MAPPER.readTree(document.bytes()).path("paths").path(path).path("get").path("responses");
    int checked = 0;
    Iterator<Map.Entry<String, JsonNode>> entries = responses.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> response = entries.next();
      int status = RANGE_STATUS.getOrDefault(response.getKey(), 0);
      status = status == 0 ? Integer.parseInt(response.getKey()) : status;
      JsonNode examples = response.getValue().path("content").path("application/json").path("examples");
      assertTrue(examples.size() > 0, document.fileName() + " " + response.getKey() + " has no example");
      for (JsonNode example : examples) {
        validator.assertValid(status, Map.of("Content-Type", "application/json", "Retry-After", "1", "Allow", "GET"),
            MAPPER.writeValueAsString(example.get("value")));
        checked++;
      }
    }
    return checked;
  }

  @Test
  void bundledDocuments_areTheOnesInDocsOpenapi() throws IOException {
    Path docs = Path.of(System.getProperty("evaljobs.template")).resolveSibling("docs").resolve("openapi");
    for (OpenApiDocument document : OpenApiDocument.values()) {
      assertArrayEquals(Files.readAllBytes(docs.resolve(document.fileName())), document.bytes(), document.fileName());
    }
  }

  @Test
  void documents_areOpenApi31Version100() throws IOException {
    for (OpenApiDocument document : OpenApiDocument.values()) {
      JsonNode root = MAPPER.readTree(document.bytes());
      assertEquals("3.1.0", root.path("openapi").asText(), document.fileName());
      assertEquals("1.0.0", root.at("/info/version").asText(), document.fileName());
      assertEquals("http://127.0.0.1:3000", root.at("/servers/0/url").asText(), document.fileName());
    }
  }

  @Test
  void forFileName_findsEachDocumentAndNothingElse() {
    assertEquals(Optional.of(OpenApiDocument.EVALUATIONS), OpenApiDocument.forFileName("evaluations.json"));
    assertEquals(Optional.of(OpenApiDocument.SCORING_JOBS), OpenApiDocument.forFileName("scoring-jobs.json"));
    assertEquals(Optional.empty(), OpenApiDocument.forFileName("../pom.xml"));
  }
}
