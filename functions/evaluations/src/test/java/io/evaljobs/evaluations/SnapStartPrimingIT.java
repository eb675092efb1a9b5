package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SnapStart primer sends: the real read and error paths, answered without a server error. */
class SnapStartPrimingIT {

  @Test
  void primingEvents_throughTheHandler_readAndAnswerWithoutServerErrors() {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      Map<String, String> tables = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id);
      ListEvaluationsHandler handler =
          new ListEvaluationsHandler(
              dynamo.client(), tables.get(EvaluationTable.LOGICAL_ID), tables.get(JobCountTable.LOGICAL_ID),
              TestTokens.current());
      List<String> events = EvaluationsPriming.events();
      List<Integer> statuses = events.stream().map(e -> HandlerResponse.invoke(handler, e).status()).toList();
      assertEquals(List.of(200, 200, 400), statuses);
      HandlerResponse first = HandlerResponse.invoke(handler, events.get(0));
      assertTrue(first.body().path("jobs").isEmpty(), "the priming tenant owns nothing");
    }
  }
}
