package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.DynamoDbLocalServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * When DynamoDB is down, throttles or is slow, both list APIs answer their documented 503 with Retry-After within
 * API Gateway's 29 s integration timeout, and serve again once the fault clears. The client under test is the
 * production configuration ({@link DynamoDbClients#forEndpoint}); faults are injected on the wire.
 */
class DynamoDbFaultsIT {
  /** API Gateway's integration timeout: a contract bound, not a performance target. */
  private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(29);

  /** Outlives the production client's 3 s attempt timeout. */
  private static final Duration SLOWER_THAN_AN_ATTEMPT = Duration.ofMillis(3_500);

  private static final Map<String, String> EVALUATIONS_TENANT = Map.of("organization", EvaluationData.ORGANIZATIONS.get(0));
  private static final Map<String, String> SCORING_TENANT = ScoringData.TENANTS.get(0).authorizerContext();

  @Test
  void listHandlers_databaseStoppedMidRun_answer503InTimeAndRecoverOnANewServerOnTheSamePort() {
    DynamoDbLocalServer server = DynamoDbLocalServer.start(0);
    int port = server.endpoint().getPort();
    DynamoDbClient client = DynamoDbClients.forEndpoint(server.endpoint(), "us-east-1");
    DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(server.endpoint(), "us-east-1");
    try {
      Deployment deployment = Deployment.on(client, streams);
      writeData(deployment);
      RequestStreamHandler evaluations = deployment.evaluationsHandler();
      RequestStreamHandler scoring = deployment.scoringHandler();
      evaluationsCall(evaluations).assertStatus(200);
      scoringCall(scoring).assertStatus(200);

      server.close();
      assertUnavailable(evaluations, DynamoDbFaultsIT::evaluationsCall, true, "evaluations, server stopped");
      assertUnavailable(scoring, DynamoDbFaultsIT::scoringCall, false, "scoring, server stopped");

      server = DynamoDbLocalServer.start(port);
      writeData(deployment.withClient(client, streams));
      ProxyResponse recovered = evaluationsCall(evaluations);
      recovered.assertStatus(200);
      // The new server's counts, kept from its own stream: the restart lost nothing the stream did not restore.
      assertEquals(tenantJobs(), recovered.json().path("pagination").path("total_count").asLong());
      scoringCall(scoring).assertStatus(200);
    } finally {
      server.close();
      streams.close();
      client.close();
    }
  }

  @Test
  void listHandlers_throttledOrSlowDatabase_retryThenAnswer503InTimeAndRecover() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0);
        FaultProxy proxy = FaultProxy.inFrontOf(server.endpoint());
        DynamoDbClient client = DynamoDbClients.forEndpoint(proxy.endpoint(), "us-east-1");
        DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(server.endpoint(), "us-east-1")) {
      Deployment deployment = Deployment.on(client, streams);
      writeData(deployment);
      RequestStreamHandler evaluations = deployment.evaluationsHandler();
      RequestStreamHandler scoring = deployment.scoringHandler();

      String evaluationsTable = deployment.evaluationsTable();
      String countsTable = deployment.countsTable();
      String scoringTable = deployment.scoringTable();
      // Each fault exhausts the 8 s call timeout, so the two APIs are faulted at once, each by its own fault.
      proxy.inject(evaluationsTable, new FaultProxy.Throttle("ProvisionedThroughputExceededException"));
      proxy.inject(scoringTable, new FaultProxy.Delay(SLOWER_THAN_AN_ATTEMPT));
      inParallel(
          () -> assertUnavailable(evaluations, DynamoDbFaultsIT::evaluationsCall, true, "evaluations, throttled"),
          () -> assertUnavailable(scoring, DynamoDbFaultsIT::scoringCall, false, "scoring, slow database"));
      int throttledAttempts = proxy.attempts(evaluationsTable);
      int slowAttempts = proxy.attempts(scoringTable);

      proxy.inject(evaluationsTable, new FaultProxy.Delay(SLOWER_THAN_AN_ATTEMPT));
      proxy.inject(scoringTable, new FaultProxy.Throttle("ThrottlingException"));
      inParallel(
          () -> assertUnavailable(evaluations, DynamoDbFaultsIT::evaluationsCall, true, "evaluations, slow database"),
          () -> assertUnavailable(scoring, DynamoDbFaultsIT::scoringCall, false, "scoring, throttled"));
      System.out.println("faults attempts: evaluations " + throttledAttempts
          + " throttled (ProvisionedThroughputExceededException), " + proxy.attempts(evaluationsTable)
          + " slow; scoring " + proxy.attempts(scoringTable) + " throttled (ThrottlingException), " + slowAttempts
          + " slow");
      for (int attempts :
          List.of(throttledAttempts, slowAttempts, proxy.attempts(evaluationsTable), proxy.attempts(scoringTable))) {
        assertTrue(attempts > 1, "the SDK retries a throttled or timed-out attempt: " + attempts);
      }

      // total_count is read from the counts table on every first page: its throttling is the API's 503 as well,
      // never a page with a made-up total.
      proxy.inject(evaluationsTable, new FaultProxy.Pass());
      proxy.inject(countsTable, new FaultProxy.Throttle("ProvisionedThroughputExceededException"));
      assertUnavailable(evaluations, DynamoDbFaultsIT::evaluationsCall, true, "evaluations, counts table throttled");
      assertTrue(proxy.attempts(countsTable) > 1, "the SDK retries the counts read: " + proxy.attempts(countsTable));
      proxy.inject(countsTable, new FaultProxy.Pass());

      // Latency within the attempt timeout is only latency; once the faults clear, both serve again.
      proxy.inject(evaluationsTable, new FaultProxy.Delay(Duration.ofMillis(150)));
      proxy.inject(scoringTable, new FaultProxy.Delay(Duration.ofMillis(150)));
      evaluationsCall(evaluations).assertStatus(200);
      scoringCall(scoring).assertStatus(200);
      proxy.inject(evaluationsTable, new FaultProxy.Pass());
      proxy.inject(scoringTable, new FaultProxy.Pass());
      evaluationsCall(evaluations).assertStatus(200);
      scoringCall(scoring).assertStatus(200);
    }
  }

  private static void inParallel(Runnable first, Runnable second) {
    CompletableFuture<Void> other = CompletableFuture.runAsync(second);
    first.run();
    try {
      other.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof AssertionError assertion) {
        throw assertion;
      }
      throw e;
    }
  }

  private interface Call {
    ProxyResponse on(RequestStreamHandler handler);
  }

  private static void assertUnavailable(RequestStreamHandler handler, Call call, boolean evaluations, String what) {
    long start = System.nanoTime();
    ProxyResponse response = call.on(handler);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("faults " + what + ": 503 after " + elapsed.toMillis() + " ms");
    assertEquals(503, response.status(), () -> what + ": " + response.abbreviated());
    assertTrue(response.header("Retry-After").isPresent(), what + ": Retry-After");
    assertTrue(elapsed.compareTo(GATEWAY_TIMEOUT) < 0, what + ": answered after " + elapsed);
    String lower = response.body().toLowerCase();
    assertTrue(!lower.contains("exception") && !lower.contains("dynamodb") && !lower.contains("java."),
        what + ": " + response.body());
    if (evaluations) {
      assertEquals("service_unavailable", response.json().path("error").asText(), what);
      assertTrue(response.json().path("message").isTextual(), what);
    } else {
      assertTrue(response.json().path("detail").isTextual(), what);
    }
  }

  private static ProxyResponse evaluationsCall(RequestStreamHandler handler) {
    return ProxyResponse.call(handler,
        ProxyEvent.get("/evaluations").authorizer(EVALUATIONS_TENANT).param("limit", "5").bytes());
  }

  private static ProxyResponse scoringCall(RequestStreamHandler handler) {
    return ProxyResponse.call(handler,
        ProxyEvent.get("/v2/confidence-scoring/jobs").authorizer(SCORING_TENANT).param("limit", "5").bytes());
  }

  private static void writeData(Deployment deployment) {
    deployment.load(EvaluationData.generate(new Random(7)));
    ScoringData.generate(new Random(7)).writeTo(deployment.dynamo(), deployment.scoringTable());
  }

  /** The number of jobs {@link #writeData} gives the evaluations tenant. */
  private static long tenantJobs() {
    return EvaluationData.generate(new Random(7)).jobsOf(EVALUATIONS_TENANT.get("organization")).size();
  }
}
