package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class EvaluationPageReaderTest {
  /**
   * Answers the counter's GetItem only once the page's Query has started, and the Query only once the GetItem has
   * started: read one after the other, the first of them waits out its patience and fails the request.
   */
  private static final class Rendezvous implements DynamoDbClient {
    final CountDownLatch queryStarted = new CountDownLatch(1);
    final CountDownLatch getItemStarted = new CountDownLatch(1);
    final boolean counterFails;

    Rendezvous(boolean counterFails) {
      this.counterFails = counterFails;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
      queryStarted.countDown();
      await(getItemStarted);
      return QueryResponse.builder().items(List.of()).count(0).scannedCount(0).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      getItemStarted.countDown();
      await(queryStarted);
      if (counterFails) {
        throw ProvisionedThroughputExceededException.builder().message("throttled for the test").statusCode(400).build();
      }
      return GetItemResponse.builder().item(Map.of(JobCountTable.N, AttributeValue.fromN("7"))).build();
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the other read never started: the reads ran one after the other");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }

  private static HandlerResponse firstPage(DynamoDbClient dynamo) {
    ListEvaluationsHandler handler =
        new ListEvaluationsHandler(dynamo, "evaluations", "evaluation-counts", TestTokens.current());
    return HandlerResponse.invoke(handler, ProxyEvents.get("acme").json());
  }

  @Test
  void listEvaluations_firstPage_readsTheTotalBesideThePage() {
    HandlerResponse response = firstPage(new Rendezvous(false));

    assertEquals(200, response.status(), response.body().toString());
    assertEquals(7, response.body().get("pagination").get("total_count").asLong());
  }

  @Test
  void listEvaluations_totalReadFailsBesideAGoodPage_answersAsIfThePageReadHadFailed() {
    HandlerResponse response = firstPage(new Rendezvous(true));

    assertEquals(503, response.status(), response.body().toString());
    assertEquals("service_unavailable", response.error());
    assertEquals("1", response.headers().path("Retry-After").asText());
  }
}
