package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SnapStart primer sends: the real read and error paths, answered without a server error. */
class SnapStartPrimingIT {

  @Test
  void primingEvents_throughTheHandler_readAndAnswerWithoutServerErrors() {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      Map<String, String> tables = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id);
      ListScoringJobsHandler handler =
          new ListScoringJobsHandler(dynamo.client(), tables.get(ScoringJobTable.LOGICAL_ID), TestTokens.fresh());
      List<JsonNode> answers =
          ScoringJobsPriming.events().stream()
              .map(event -> ApiContract.handle(handler, event.getBytes(StandardCharsets.UTF_8)))
              .toList();
      assertEquals(List.of(200, 200, 422), answers.stream().map(a -> a.path("statusCode").asInt()).toList());
      assertEquals("[]", answers.get(0).path("body").asText(), "the priming tenant owns nothing");
    }
  }
}
