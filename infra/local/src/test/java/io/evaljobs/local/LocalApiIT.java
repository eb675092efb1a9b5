package io.evaljobs.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.auth.IssuedKey;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.contract.OpenApiDocument;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.local.demo.DemoKeys;
import io.evaljobs.local.gateway.ContractReplies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalApiIT {
  private static final String EVALUATIONS = "/evaluations";
  private static final String SCORING = "/v2/confidence-scoring/jobs";
  private static final String SUPPORT_BOT = "customer_id=cust-acme&project_id=proj-support-bot";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ByteArrayOutputStream REQUEST_LOG = new ByteArrayOutputStream();
  private static LocalServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The most a test waits for what the server does after a reply: a bound on the wait, ample on a loaded machine. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeAll
  static void start() {
    server =
        LocalServer.start(
            new LocalApiSettings("127.0.0.1", 0, Optional.empty(), "us-east-1", true, 600, Optional.empty()),
            new PrintStream(REQUEST_LOG, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String pathAndQuery, String header, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
    if (header != null) {
      request.header(header, key);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    ContractReplies.assertValid(
        response.uri().getPath(), response.statusCode(), response.headers().map(), response.body());
    return response;
  }

  private static HttpResponse<byte[]> send(String method, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Waits until {@code condition} accepts the request log; fails with the whole log when it never does. */
  private static void awaitLog(Predicate<String> condition) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
      String log = REQUEST_LOG.toString(StandardCharsets.UTF_8);
      assertTrue(condition.test(log), log);
    });
  }

  private static HttpResponse<String> evaluations(String query, String key) throws Exception {
    return get(EVALUATIONS + query, "X-API-Key", key);
  }

  private static HttpResponse<String> scoring(String query, String key) throws Exception {
    return get(SCORING + query, "Meibel-API-Key", key);
  }

  @Test
  void withoutKey_answers401InEachApisDialect() throws Exception {
    HttpResponse<String> evaluations = get(EVALUATIONS, null, null);
    HttpResponse<String> scoring = get(SCORING + "?" + SUPPORT_BOT, null, null);
    assertEquals(401, evaluations.statusCode());
    assertTrue(evaluations.body().contains("\"error\":\"unauthorized\""), evaluations.body());
    assertEquals(401, scoring.statusCode());
    assertEquals("{\"detail\":\"Invalid or missing API key\"}", scoring.body());
    assertEquals(Optional.of("application/json"), evaluations.headers().firstValue("content-type"));
  }

  @Test
  void unknownKey_answers401() throws Exception {
    assertEquals(401, evaluations("", "ej_eval_not_a_key").statusCode());
  }

  @Test
  void revokedKeyOrOtherApisKey_answers403() throws Exception {
    ApiKeys keys = new ApiKeys(server.dynamoDb(), server.tables().get(LocalServer.API_KEYS_TABLE));
    IssuedKey revoked = keys.create(ApiName.EVALUATIONS, new Tenant.Organization("acme"), "to revoke");
    assertTrue(keys.revoke(revoked.keyId()));

    HttpResponse<String> withRevoked = evaluations("", revoked.plaintextKey());
    HttpResponse<String> withScoringKey = evaluations("", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());
    assertEquals(403, withRevoked.statusCode());
    assertEquals("{\"error\":\"forbidden\",\"message\":\"This API key is revoked or not valid for this API.\"}",
        withRevoked.body());
    assertEquals(403, withScoringKey.statusCode());
  }

  @Test
  void demoKeys_listTheirOwnTenantsJobs() throws Exception {
    HttpResponse<String> acme = evaluations("?limit=100", DemoKeys.ACME_EVALUATIONS.secret());
    HttpResponse<String> globex = evaluations("?limit=100", DemoKeys.GLOBEX_EVALUATIONS.secret());
    HttpResponse<String> support = scoring("?" + SUPPORT_BOT + "&limit=5", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());

    assertEquals(200, acme.statusCode(), acme.body());
    assertEquals(200, globex.statusCode(), globex.body());
    assertEquals(200, support.statusCode(), support.body());
    Set<String> acmeIds = jobIds(acme.body());
    Set<String> globexIds = jobIds(globex.body());
    assertEquals(100, acmeIds.size());
    assertFalse(globexIds.isEmpty());
    assertTrue(acmeIds.stream().noneMatch(globexIds::contains), "no job of another tenant");
    assertEquals(5, jobIds(support.body()).size());
    assertFalse(support.body().contains("cust-globex"));
    assertTrue(support.headers().firstValue("x-amzn-RequestId").isPresent());
  }

  @Test
  void jobWrittenWhileRunning_reachesTotalCountThroughTheStream() throws Exception {
    String judge = "judge-written-while-running";
    String query = "?judge_id=" + judge;
    assertEquals(0, MAPPER.readTree(evaluations(query, DemoKeys.ACME_EVALUATIONS.secret()).body())
        .path("pagination").path("total_count").asLong());
    EvaluationJob job =
        new EvaluationJob(
            "job-written-while-running", EvaluationStatus.QUEUED, OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), Optional.empty(), Optional.of(judge), Optional.empty(), Instant.now(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    server.dynamoDb().putItem(b -> b.tableName(server.tables().get(EvaluationTable.LOGICAL_ID))
        .item(EvaluationTable.toItem("acme", job)));
    // No explicit settling: the server's own stream poller must count it, as the Lambda consumer would. Every page
    // read while waiting must already list the job (an assertion error here ends the wait at once).
    AtomicLong total = new AtomicLong();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      JsonNode body = MAPPER.readTree(evaluations(query, DemoKeys.ACME_EVALUATIONS.secret()).body());
      assertEquals(1, body.path("jobs").size(), "the page reads the table itself at once");
      total.set(body.path("pagination").path("total_count").asLong());
      return total.get() != 0;
    });
    assertEquals(1, total.get());
  }

  @Test
  void scoringKeyOfOneProject_neverSeesAnotherProjectsJobs() throws Exception {
    HttpResponse<String> other =
        scoring("?customer_id=cust-globex&project_id=proj-triage", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());
    HttpResponse<String> own = scoring("?" + SUPPORT_BOT, DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());
    assertEquals(200, own.statusCode());
    assertTrue(own.body().contains("\"project_id\":\"proj-support-bot\""));
    assertFalse(other.body().contains("cust-globex"), "the tenant comes from the key, never from the query");
    assertFalse(other.body().contains("proj-triage"));
  }

  @Test
  void statusFilter_returnsOnlyThatStatus() throws Exception {
    HttpResponse<String> failed = evaluations("?status=failed&limit=100", DemoKeys.ACME_EVALUATIONS.secret());
    assertEquals(200, failed.statusCode(), failed.body());
    Matcher statuses = Pattern.compile("\"status\":\"([a-z_]+)\"").matcher(failed.body());
    int count = 0;
    while (statuses.find()) {
      assertEquals("failed", statuses.group(1));
      count++;
    }
    assertTrue(count > 0, failed.body());
  }

  @Test
  void evaluationsPageToken_roundTripsToTheNextPage() throws Exception {
    String key = DemoKeys.ACME_EVALUATIONS.secret();
    HttpResponse<String> first = evaluations("?limit=10&sort_by=created_at&sort_order=desc", key);
    assertEquals(200, first.statusCode(), first.body());
    Matcher token = Pattern.compile("\"next_offset\":\"([^\"]+)\"").matcher(first.body());
    assertTrue(token.find(), first.body());
    HttpResponse<String> second =
        evaluations("?limit=10&sort_by=created_at&sort_order=desc&offset="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), key);
    assertEquals(200, second.statusCode(), second.body());
    Set<String> firstIds = jobIds(first.body());
    Set<String> secondIds = jobIds(second.body());
    assertEquals(10, secondIds.size());
    assertTrue(firstIds.stream().noneMatch(secondIds::contains), "pages do not overlap");

    HttpResponse<String> otherTenant =
        evaluations("?limit=10&sort_by=created_at&sort_order=desc&offset="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), DemoKeys.GLOBEX_EVALUATIONS.secret());
    assertEquals(400, otherTenant.statusCode(), "a token is bound to its tenant: " + otherTenant.body());
  }

  @Test
  void scoringLinkHeader_leadsToTheNextPage() throws Exception {
    String key = DemoKeys.ACME_SUPPORT_BOT_SCORING.secret();
    HttpResponse<String> first = scoring("?" + SUPPORT_BOT + "&limit=3", key);
    assertEquals(200, first.statusCode(), first.body());
    String link = first.headers().firstValue("Link").orElseThrow();
    Matcher next = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
    assertTrue(next.find(), link);
    URI nextUri = URI.create(next.group(1));
    String query = nextUri.getRawQuery();
    HttpResponse<String> second =
        scoring("?" + query + (query.contains("customer_id") ? "" : "&" + SUPPORT_BOT), key);
    assertEquals(200, second.statusCode(), second.body());
    Set<String> firstIds = jobIds(first.body());
    Set<String> secondIds = jobIds(second.body());
    assertEquals(3, secondIds.size());
    assertTrue(firstIds.stream().noneMatch(secondIds::contains));
  }

  @Test
  void invalidParameters_answerTheApisErrorShapes() throws Exception {
    HttpResponse<String> evaluations = evaluations("?limit=abc", DemoKeys.ACME_EVALUATIONS.secret());
    HttpResponse<String> scoring = scoring("?" + SUPPORT_BOT + "&limit=0", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());
    HttpResponse<String> tampered = evaluations("?offset=AAAA", DemoKeys.ACME_EVALUATIONS.secret());

    assertEquals(400, evaluations.statusCode(), evaluations.body());
    assertTrue(evaluations.body().startsWith("{\"error\":"), evaluations.body());
    assertEquals(422, scoring.statusCode(), scoring.body());
    assertTrue(scoring.body().startsWith("{\"detail\":"), scoring.body());
    assertEquals(400, tampered.statusCode(), tampered.body());
  }

  @Test
  void tenantResponses_ofBothApis_carryNoStoreAndNosniff() throws Exception {
    List<HttpResponse<String>> responses = List.of(
        evaluations("", DemoKeys.ACME_EVALUATIONS.secret()),
        evaluations("?limit=0", DemoKeys.ACME_EVALUATIONS.secret()),
        scoring("?" + SUPPORT_BOT, DemoKeys.ACME_SUPPORT_BOT_SCORING.secret()),
        scoring("?" + SUPPORT_BOT + "&limit=0", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret()));
    for (HttpResponse<String> response : responses) {
      assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"), response.uri().toString());
      assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"),
          response.uri().toString());
    }
    assertEquals(200, responses.get(0).statusCode());
    assertEquals(200, responses.get(2).statusCode());
  }

  @Test
  void unknownPath_answersMissingAuthenticationToken() throws Exception {
    HttpResponse<String> response = get("/v1/evaluations", "X-API-Key", DemoKeys.ACME_EVALUATIONS.secret());
    assertEquals(403, response.statusCode());
    assertEquals("{\"error\":\"bad_request\",\"message\":\"Missing Authentication Token\"}", response.body());
  }

  @Test
  void openApiDocuments_areServedWithoutKeyAsJson() throws Exception {
    for (OpenApiDocument document : OpenApiDocument.values()) {
      HttpResponse<byte[]> response = send("GET", "/openapi/" + document.fileName());
      assertEquals(200, response.statusCode(), document.fileName());
      assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
      assertArrayEquals(document.bytes(), response.body(), document.fileName());
      assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("\"openapi\": \"3.1.0\""));
    }
    awaitLog(log -> log.contains("\"Api\":\"openapi\",\"Function\":\"" + RequestLog.FUNCTION + "\""));
  }

  @Test
  void banner_namesTheOpenApiDocumentUrls() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Banner.print(new PrintStream(printed, true, StandardCharsets.UTF_8), server, true);
    String banner = printed.toString(StandardCharsets.UTF_8);
    for (OpenApiDocument document : OpenApiDocument.values()) {
      assertTrue(banner.contains(server.baseUrl() + "/openapi/" + document.fileName()), banner);
    }
  }

  @Test
  void openApiDocuments_unknownNameOrMethod_isRefused() throws Exception {
    assertEquals(404, send("GET", "/openapi/../pom.xml").statusCode());
    assertEquals(404, send("GET", "/openapi/").statusCode());
    assertEquals(404, send("GET", "/openapi/evaluations.yaml").statusCode());
    HttpResponse<byte[]> post = send("POST", "/openapi/scoring-jobs.json");
    assertEquals(405, post.statusCode());
    assertEquals(Optional.of("GET, HEAD"), post.headers().firstValue("Allow"));
    HttpResponse<byte[]> head = send("HEAD", "/openapi/scoring-jobs.json");
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
  }

  @Test
  void requestLog_isTheFunctionsRequestLineFormatWithoutKeysOrValues() throws Exception {
    HttpResponse<String> response =
        evaluations("?limit=1&judge_id=judge-with-a-private-name", DemoKeys.ACME_EVALUATIONS.secret());
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    // The gateway's line is written once the reply has been sent, so it may trail the response a little.
    awaitLog(text -> text.contains("\"requestId\":\"" + requestId + "\",\"Api\":\"evaluations\",\"Function\":\""
        + RequestLog.FUNCTION + "\""));
    String log = REQUEST_LOG.toString(StandardCharsets.UTF_8);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : log.lines().toList()) {
      JsonNode json = MAPPER.readTree(line);
      assertEquals("evaljobs", json.at("/_aws/CloudWatchMetrics/0/Namespace").asText(), line);
      assertTrue(json.path("timestamp").isTextual() && json.path("requestId").isTextual(), line);
      lines.add(json);
    }
    JsonNode function =
        lines.stream()
            .filter(line -> line.path("Function").asText().equals("local"))
            .filter(line -> line.path("requestId").asText().equals(requestId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no function line for the request: " + log));
    assertEquals("evaluations", function.path("Api").asText());
    assertEquals(200, function.path("status").asInt());
    assertTrue(function.path("DynamoDbRequests").asInt() >= 1, function.toString());
    assertTrue(function.path("index").asText().startsWith("judge-"), function.toString());
    assertEquals("judge_id", function.path("filters").path(0).asText());
    assertTrue(
        lines.stream().anyMatch(line -> line.path("Function").asText().equals(RequestLog.FUNCTION)
            && line.path("requestId").asText().equals(requestId) && line.path("status").asInt() == 200),
        "the gateway line shares the function's request id: " + log);
    assertFalse(log.contains(DemoKeys.ACME_EVALUATIONS.secret()));
    assertFalse(log.contains("judge-with-a-private-name"));
    assertFalse(log.contains("acme"));
    assertFalse(log.contains("limit="));
  }

  @Test
  void sampleAuthorizerEvents_areAllowedForTheDemoTenants() throws Exception {
    Path events = Path.of(System.getProperty("evaljobs.events", "../../events"));
    ApiKeyAuthorizerHandler authorizer =
        new ApiKeyAuthorizerHandler(server.dynamoDb(), server.tables().get(LocalServer.API_KEYS_TABLE));
    String evaluations = authorize(authorizer, events.resolve("authorizer-evaluations.json"));
    String scoring = authorize(authorizer, events.resolve("authorizer-scoring.json"));
    assertTrue(evaluations.contains("\"Effect\":\"Allow\"") && evaluations.contains("\"organization\":\"acme\""),
        evaluations);
    assertTrue(scoring.contains("\"Effect\":\"Allow\"") && scoring.contains("\"project_id\":\"proj-support-bot\""),
        scoring);
  }

  private static String authorize(ApiKeyAuthorizerHandler authorizer, Path event) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try (InputStream input = Files.newInputStream(event)) {
      authorizer.handleRequest(input, answer, null);
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static Set<String> jobIds(String body) {
    Set<String> ids = new HashSet<>();
    Matcher matcher = Pattern.compile("\"job_id\":\"([^\"]+)\"").matcher(body);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }
}
