package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.observability.TenantHash;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The handler's one request line: the cost of the read it made, and nothing a client sent in clear. */
class ListScoringJobsRequestLogTest {
  private static final String CUSTOMER = "cust-private";
  private static final String PROJECT = "proj-secret";
  private static final String AGENT = "agent-named-after-a-person";

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  private ListScoringJobsHandler handler(DynamoDbClient dynamo, int maxLimit) {
    return new ListScoringJobsHandler(
        dynamo, "jobs", TestTokens.fresh(), maxLimit,
        new RequestLogLine(
            new PrintStream(logged, true, StandardCharsets.UTF_8),
            LogLevel.INFO,
            Clock.systemUTC(),
            RequestLogLine.LOCAL_FUNCTION));
  }

  private String onlyLine() {
    String[] lines = logged.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, lines.length, logged.toString(StandardCharsets.UTF_8));
    return lines[0];
  }

  @Test
  void listScoringJobs_configuredMaximum50_refuses51NamingTheConfiguredMaximum() {
    ApiResponse response =
        ApiContract.respond(
            handler(StubDynamoDb.unreachable(), 50),
            TestRequests.forTenant(CUSTOMER, PROJECT).param("limit", "51").build());

    assertEquals(422, response.statusCode());
    assertEquals(
        ApiContract.parse(
            "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
                + "\"msg\":\"Input should be less than or equal to 50\",\"input\":\"51\",\"ctx\":{\"le\":50}}]}"),
        ApiContract.parse(response.body()));
  }

  @Test
  void listScoringJobs_configuredMaximum50_accepts50() {
    StubDynamoDb dynamo = new StubDynamoDb(request -> QueryResponse.builder().items(List.of()).build());
    ApiResponse response =
        ApiContract.respond(
            handler(dynamo, 50), TestRequests.forTenant(CUSTOMER, PROJECT).param("limit", "50").build());

    assertEquals(200, response.statusCode());
    assertEquals(51, dynamo.queries.get(0).limit(), "reads limit + 1 to decide whether a next page exists");
  }

  @Test
  void listScoringJobs_readPage_logsItsCostIndexAndShapeWithoutValues() throws Exception {
    StubDynamoDb dynamo =
        new StubDynamoDb(request -> QueryResponse.builder()
            .items(List.of())
            .count(0)
            .scannedCount(7)
            .consumedCapacity(ConsumedCapacity.builder().capacityUnits(1.5).build())
            .build());

    ApiContract.respond(
        handler(dynamo, 100),
        TestRequests.forTenant(CUSTOMER, PROJECT).param("agent_name", AGENT).param("tool_id", AGENT).build());

    String text = onlyLine();
    JsonNode line = ApiContract.MAPPER.readTree(text);
    assertEquals("scoring-jobs", line.path("Api").asText());
    assertEquals(TenantHash.of(ScoringJobTable.tenantKey(CUSTOMER, PROJECT)), line.path("tenant").asText());
    assertEquals(List.of("agent_name", "tool_id"), ApiContract.MAPPER.convertValue(line.path("filters"), List.class));
    assertEquals(ScoringJobTable.indexName(JobFilter.TOOL_ID), line.path("index").asText());
    assertEquals(1, line.path("DynamoDbRequests").asInt());
    assertEquals(7, line.path("ItemsRead").asInt());
    assertEquals(0, line.path("ItemsReturned").asInt());
    assertEquals(1.5, line.path("ConsumedCapacity").asDouble());
    assertEquals(200, line.path("status").asInt());
    assertFalse(text.contains(AGENT), text);
    assertFalse(text.contains(CUSTOMER), text);
    assertFalse(text.contains(PROJECT), text);
  }

  @Test
  void listScoringJobs_throttledStore_logs503AndOneThrottle() throws Exception {
    StubDynamoDb dynamo =
        new StubDynamoDb(request -> {
          throw ProvisionedThroughputExceededException.builder().statusCode(400).message("slow down").build();
        });

    ApiResponse response =
        ApiContract.respond(handler(dynamo, 100), TestRequests.forTenant(CUSTOMER, PROJECT).build());

    assertEquals(503, response.statusCode());
    JsonNode line = ApiContract.MAPPER.readTree(onlyLine());
    assertEquals(1, line.path("Throttles").asInt());
    assertEquals(1, line.path("5xx").asInt());
    assertEquals("ERROR", line.path("level").asText());
  }

  @Test
  void listScoringJobs_tamperedToken_logs422WithoutTheToken() throws Exception {
    String token = "AQVmb3JnZWQtdG9rZW4tdGhhdC1tdXN0LW5vdC1hcHBlYXI";
    ApiContract.respond(
        handler(StubDynamoDb.unreachable(), 100),
        TestRequests.forTenant(CUSTOMER, PROJECT).param("offset", token).build());

    String text = onlyLine();
    assertEquals(422, ApiContract.MAPPER.readTree(text).path("status").asInt());
    assertEquals(1, ApiContract.MAPPER.readTree(text).path("4xx").asInt());
    assertFalse(text.contains(token), text);
  }
}
