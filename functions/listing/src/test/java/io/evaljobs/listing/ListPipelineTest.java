package io.evaljobs.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.http.MethodNotAllowedException;
import io.evaljobs.http.UnauthenticatedException;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageRead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ListPipelineTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
  private final RecordingEndpoint endpoint = new RecordingEndpoint();
  private final ListPipeline<String, Integer, String> pipeline =
      new ListPipeline<>(
          endpoint,
          new RequestLogLine(
              new PrintStream(lines, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.systemUTC(), "test"));

  @Test
  void respond_validRequest_runsParseReadWriteAndLogsWhatWasRead() {
    ApiResponse response = pipeline.respond(request("GET", Map.of("tenant", "acme"), "3"));

    assertEquals(200, response.statusCode());
    assertEquals("a,b,c", response.body());
    assertEquals(List.of("parse acme 3", "read acme 3", "write acme 3"), endpoint.steps);
    JsonNode line = onlyLogLine();
    assertEquals(200, line.path("status").asInt());
    assertEquals(3, line.path("ItemsReturned").asInt());
    assertEquals(7, line.path("DynamoDbRequests").asInt());
    assertEquals("index-3", line.path("index").asText());
    assertTrue(line.path("tenant").isTextual(), "the tenant is logged as its hash");
    assertFalse(line.toString().contains("acme"), "never the tenant itself");
  }

  @Test
  void respond_otherMethod_isTheDialectsMethodNotAllowedBeforeAnythingIsRead() {
    ApiResponse response = pipeline.respond(request("POST", Map.of("tenant", "acme"), "3"));

    assertEquals(405, response.statusCode());
    assertEquals("GET", response.headers().get("Allow"));
    assertEquals(List.of(), endpoint.steps);
    assertEquals(405, onlyLogLine().path("status").asInt());
  }

  @Test
  void respond_noTenantInTheAuthorizerContext_isTheDialectsUnauthenticated() {
    ApiResponse response = pipeline.respond(request("GET", Map.of(), "3"));

    assertEquals(401, response.statusCode());
    assertEquals(List.of(), endpoint.steps);
    assertTrue(onlyLogLine().path("tenant").isMissingNode());
  }

  @Test
  void respond_invalidParameter_isTheDialectsAnswerWithTheShapeKnownSoFar() {
    ApiResponse response = pipeline.respond(request("GET", Map.of("tenant", "acme"), "x"));

    assertEquals(400, response.statusCode());
    assertEquals("n", response.body());
    JsonNode line = onlyLogLine();
    assertEquals(0, line.path("ItemsReturned").asInt());
    assertEquals("unparsed", line.path("sortBy").asText());
  }

  @Test
  void respond_readFailing_isTheDialectsServerErrorWithTheParsedShapeAndNothingRead() {
    ApiResponse response = pipeline.respond(request("GET", Map.of("tenant", "acme"), "13"));

    assertEquals(500, response.statusCode());
    JsonNode line = onlyLogLine();
    assertEquals(0, line.path("DynamoDbRequests").asInt());
    assertEquals("parsed", line.path("sortBy").asText());
    assertTrue(line.path("index").isMissingNode(), "no index was read");
  }

  @Test
  void handleRequest_eventThatIsNoProxyEvent_isTheDialectsUnreadableEvent() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pipeline.handleRequest(new ByteArrayInputStream("[1,2".getBytes(StandardCharsets.UTF_8)), out, null);

    JsonNode proxy = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(418, proxy.path("statusCode").asInt());
    assertEquals(List.of(), endpoint.steps);
    assertEquals(418, onlyLogLine().path("status").asInt());
  }

  private static APIGatewayProxyRequestEvent request(String method, Map<String, String> authorizer, String n) {
    return GatewayCall.of(method, "/things").withQueryParameter("n", n).proxyEvent(authorizer);
  }

  private JsonNode onlyLogLine() {
    List<String> written = lines.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, written.size(), written.toString());
    try {
      return MAPPER.readTree(written.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists n letters; n = 13 fails the read. Records the steps the pipeline takes. */
  private static final class RecordingEndpoint implements ListEndpoint<String, Integer, String> {
    final List<String> steps = new ArrayList<>();

    @Override
    public String name() {
      return "things";
    }

    @Override
    public Optional<String> tenant(APIGatewayProxyRequestEvent request) {
      return Optional.ofNullable(request.getRequestContext().getAuthorizer())
          .map(context -> (String) context.get("tenant"));
    }

    @Override
    public String tenantKey(String tenant) {
      return tenant;
    }

    @Override
    public Integer parse(String tenant, Map<String, List<String>> parameters) {
      String n = parameters.get("n").get(0);
      if (!n.matches("[0-9]+")) {
        throw new InvalidParameterException("n", InvalidParameterException.Kind.INVALID_INTEGER, "n", Optional.of(n));
      }
      steps.add("parse " + tenant + " " + n);
      return Integer.parseInt(n);
    }

    @Override
    public PageRead<String> read(String tenant, Integer n) {
      if (n == 13) {
        throw new IllegalStateException("unlucky");
      }
      steps.add("read " + tenant + " " + n);
      List<String> letters = "abcdefghijklmnopqrstuvwxyz".substring(0, n).chars().mapToObj(Character::toString).toList();
      ReadStats stats = new ReadStats(7, 9, 1.5);
      Page<String> page = new Page<>(letters, 0, Optional.empty(), Optional.empty(), stats);
      return new PageRead<>(page, stats, OptionalLong.empty(), Optional.of("index-" + n));
    }

    @Override
    public ApiResponse write(APIGatewayProxyRequestEvent request, String tenant, Integer n, PageRead<String> read) {
      steps.add("write " + tenant + " " + n);
      return ApiResponse.json(200, String.join(",", read.page().items()));
    }

    @Override
    public QueryShape shape(Map<String, List<String>> parameters, Optional<Integer> query, Optional<String> index) {
      return new QueryShape(List.of("n"), Optional.of(query.isPresent() ? "parsed" : "unparsed"), Optional.empty(), index);
    }

    @Override
    public ErrorDialect errors() {
      return new ErrorDialect() {
        @Override
        public ApiResponse toResponse(RuntimeException failure) {
          if (failure instanceof MethodNotAllowedException notAllowed) {
            return ApiResponse.json(405, "m").withHeader("Allow", notAllowed.allowed());
          }
          if (failure instanceof UnauthenticatedException) {
            return ApiResponse.json(401, "u");
          }
          if (failure instanceof InvalidParameterException invalid) {
            return ApiResponse.json(400, invalid.parameter());
          }
          return ApiResponse.json(500, "s");
        }

        @Override
        public ApiResponse unreadableEvent() {
          return ApiResponse.json(418, "r");
        }
      };
    }
  }
}
