package io.evaljobs.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.lambda.Environment;
import io.evaljobs.testing.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestLogLineTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");
  private static final String TENANT = "acme-corp-ορισμός";
  private static final String FUNCTION = "evaljobs-dev-EvaluationsFunction";

  private static RequestOutcome outcome(int status, int returned, ReadStats stats, boolean throttled) {
    return new RequestOutcome(
        "evaluations",
        "req-1",
        Optional.of(TENANT),
        new QueryShape(List.of("status", "judge_id"), Optional.of("created_at"), Optional.of("desc"),
            Optional.of("status-judge-created")),
        stats,
        returned,
        status,
        42,
        throttled);
  }

  @Test
  void format_successfulRequest_writesEveryFieldOfTheRequestLine() {
    Map<String, Object> line =
        JsonTree.object(
            RequestLogLine.format(outcome(200, 25, new ReadStats(2, 26, 3.5), false), FUNCTION, NOW));

    assertEquals("2026-03-01T12:00:00.123Z", line.get("timestamp"));
    assertEquals("INFO", line.get("level"));
    assertEquals("req-1", line.get("requestId"));
    assertEquals("evaluations", line.get("Api"));
    assertEquals(List.of("status", "judge_id"), line.get("filters"));
    assertEquals("created_at", line.get("sortBy"));
    assertEquals("desc", line.get("sortOrder"));
    assertEquals("status-judge-created", line.get("index"));
    assertEquals(200.0, line.get("status"));
    assertEquals(42.0, line.get("Latency"));
    assertEquals(2.0, line.get("DynamoDbRequests"));
    assertEquals(26.0, line.get("ItemsRead"));
    assertEquals(25.0, line.get("ItemsReturned"));
    assertEquals(26.0 / 25, (Double) line.get("ItemsReadPerItemReturned"), 1e-12);
    assertEquals(3.5, line.get("ConsumedCapacity"));
    assertEquals(0.0, line.get("4xx"));
    assertEquals(0.0, line.get("5xx"));
    assertEquals(0.0, line.get("Throttles"));
  }

  @Test
  void format_tenant_isWrittenOnlyAsTheFirst16HexDigitsOfItsSha256() throws Exception {
    String text = RequestLogLine.format(outcome(200, 1, ReadStats.NONE, false), FUNCTION, NOW);
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(TENANT.getBytes(StandardCharsets.UTF_8));
    String expected = java.util.HexFormat.of().formatHex(digest).substring(0, 16);

    assertEquals(expected, JsonTree.object(text).get("tenant"));
    assertFalse(text.contains("acme"), text);
  }

  @Test
  void format_anyRequest_isAValidEmbeddedMetricFormatRecordNamingFieldsOfTheLine() {
    Random random = new Random(8);
    for (int i = 0; i < 500; i++) {
      int status = List.of(200, 400, 401, 405, 422, 500, 503).get(random.nextInt(7));
      int returned = random.nextInt(3) == 0 ? 0 : random.nextInt(101);
      ReadStats stats = new ReadStats(random.nextInt(9), random.nextInt(2_001), random.nextDouble() * 300);
      Map<String, Object> line =
          JsonTree.object(
              RequestLogLine.format(outcome(status, returned, stats, random.nextBoolean()), FUNCTION, NOW));

      @SuppressWarnings("unchecked")
      Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
      assertEquals((double) NOW.toEpochMilli(), aws.get("Timestamp"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> directives = (List<Map<String, Object>>) aws.get("CloudWatchMetrics");
      assertEquals(1, directives.size());
      Map<String, Object> directive = directives.get(0);
      assertEquals("evaljobs", directive.get("Namespace"));
      @SuppressWarnings("unchecked")
      List<List<String>> dimensions = (List<List<String>>) directive.get("Dimensions");
      for (List<String> set : dimensions) {
        for (String dimension : set) {
          assertTrue(line.get(dimension) instanceof String, "dimension " + dimension + " is a string field");
        }
      }
      assertEquals(List.of(List.of("Api", "Function")), dimensions);
      assertEquals(FUNCTION, line.get("Function"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> metrics = (List<Map<String, Object>>) directive.get("Metrics");
      Set<String> names = new HashSet<>();
      for (Map<String, Object> metric : metrics) {
        String name = (String) metric.get("Name");
        assertTrue(names.add(name), "metric named once: " + name);
        assertTrue(line.get(name) instanceof Double, "metric " + name + " has a numeric field in the line");
        assertTrue(metric.get("Unit") instanceof String);
      }
      assertTrue(names.containsAll(
          Set.of("Latency", "ItemsRead", "ItemsReturned", "ConsumedCapacity", "4xx", "5xx", "Throttles")));
      assertEquals(returned > 0, names.contains("ItemsReadPerItemReturned"));
      assertEquals(status >= 400 && status < 500 ? 1.0 : 0.0, line.get("4xx"));
      assertEquals(status >= 500 ? 1.0 : 0.0, line.get("5xx"));
      assertEquals(status >= 500 ? "ERROR" : "INFO", line.get("level"));
    }
  }

  @Test
  void write_levelWarn_dropsSuccessfulRequestsButKeepsServerErrors() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RequestLogLine log =
        new RequestLogLine(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), LogLevel.WARN, Clock.fixed(NOW, ZoneOffset.UTC), FUNCTION);

    log.write(outcome(200, 3, ReadStats.NONE, false));
    log.write(outcome(503, 0, ReadStats.NONE, true));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, lines.length);
    Map<String, Object> line = JsonTree.object(lines[0]);
    assertEquals(503.0, line.get("status"));
    assertEquals(1.0, line.get("Throttles"));
  }

  @Test
  void write_levelInfo_writesOneLinePerRequest() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RequestLogLine log =
        new RequestLogLine(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.fixed(NOW, ZoneOffset.UTC), FUNCTION);

    log.write(outcome(200, 3, ReadStats.NONE, false));
    log.write(outcome(400, 0, ReadStats.NONE, false));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    assertEquals(400.0, JsonTree.object(lines[1]).get("status"));
  }

  @Test
  void fromEnvironment_writesToStandardOutputAsItIsAtWriteTime() {
    RequestLogLine log = RequestLogLine.fromEnvironment(new Environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", FUNCTION)));
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      log.write(outcome(200, 1, ReadStats.NONE, false));
    } finally {
      System.setOut(original);
    }
    assertEquals(FUNCTION, JsonTree.object(bytes.toString(StandardCharsets.UTF_8).trim()).get("Function"));
  }

  @Test
  void fromEnvironment_lambdaLevelWinsOverLogLevel_andDefaultsToInfo() {
    assertEquals(LogLevel.ERROR, LogLevel.fromEnvironment(new Environment(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR", "LOG_LEVEL", "DEBUG"))));
    assertEquals(LogLevel.WARN, LogLevel.fromEnvironment(new Environment(Map.of("LOG_LEVEL", "warn"))));
    assertEquals(LogLevel.DEBUG, LogLevel.fromEnvironment(new Environment(Map.of("AWS_LAMBDA_LOG_LEVEL", "TRACE"))));
    assertEquals(LogLevel.INFO, LogLevel.fromEnvironment(new Environment(Map.of("LOG_LEVEL", "loud"))));
    assertEquals(LogLevel.INFO, LogLevel.fromEnvironment(new Environment(Map.of())));
  }
}
