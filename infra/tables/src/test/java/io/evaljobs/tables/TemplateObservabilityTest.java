package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The template's observability: JSON logs, tracing, alarms on the right resources, a dashboard, page-size caps. */
class TemplateObservabilityTest {
  private static final List<String> FUNCTIONS =
      List.of("AuthorizerFunction", "EvaluationsFunction", "EvaluationCountsFunction", "ScoringJobsFunction");
  private static final Map<String, String> API_NAMES =
      Map.of("EvaluationsApi", "${AWS::StackName}-evaluations", "ScoringApi", "${AWS::StackName}-scoring");
  private static final List<String> ALARMS =
      List.of(
          "EvaluationsApi5xxRateAlarm", "ScoringApi5xxRateAlarm", "EvaluationsApiLatencyAlarm",
          "ScoringApiLatencyAlarm", "FunctionThrottlesAlarm", "DynamoDbThrottlesAlarm", "AuthorizerErrorsAlarm",
          "EvaluationCountsLagAlarm");

  private final TemplateDocument template = TemplateDocument.load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertTrue(value instanceof Map, "expected a mapping, got " + value);
    return (Map<String, Object>) value;
  }

  private Map<String, Object> globalFunction() {
    return map(template.section("Globals").get("Function"));
  }

  /** Every value of {@code key} anywhere below {@code node}. */
  private static List<Object> valuesOf(Object node, String key) {
    List<Object> found = new ArrayList<>();
    if (node instanceof Map<?, ?> mapping) {
      mapping.forEach((k, v) -> {
        if (key.equals(k)) {
          found.add(v);
        }
        found.addAll(valuesOf(v, key));
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> found.addAll(valuesOf(item, key)));
    }
    return found;
  }

  /** The dimension values named {@code name} in the alarm's metrics (single metric or metric math). */
  private List<Object> dimensionValues(String alarm, String name) {
    List<Object> values = new ArrayList<>();
    for (Object dimensions : valuesOf(template.properties(alarm), "Dimensions")) {
      for (Object dimension : (List<?>) dimensions) {
        if (name.equals(map(dimension).get("Name"))) {
          values.add(map(dimension).get("Value"));
        }
      }
    }
    return values;
  }

  @Test
  void globals_everyFunctionLogsJsonAtTheConfiguredLevel() {
    Map<String, Object> logging = map(globalFunction().get("LoggingConfig"));
    assertEquals("JSON", logging.get("LogFormat"));
    assertEquals(Map.of("Ref", "LogLevel"), logging.get("ApplicationLogLevel"));
    assertTrue(logging.containsKey("SystemLogLevel"));
    assertEquals(Map.of("Ref", "LogLevel"), map(map(globalFunction().get("Environment")).get("Variables")).get("LOG_LEVEL"));
    for (String function : functions()) {
      Object own = template.properties(function).get("LoggingConfig");
      // A function names its own log group (TemplateLogsTest); the format and levels stay the global ones.
      assertTrue(own == null || Set.of("LogGroup").containsAll(map(own).keySet()),
          function + " overrides the global logging settings: " + own);
    }
  }

  @Test
  void globals_everyFunctionIsTracedActively() {
    assertEquals("Active", globalFunction().get("Tracing"));
    for (String function : functions()) {
      Object own = template.properties(function).get("Tracing");
      assertTrue(own == null || "Active".equals(own), function + " overrides tracing");
    }
  }

  @Test
  void apis_haveTracingEnabled() {
    List<String> apis = resourcesOfType("AWS::Serverless::Api");
    assertEquals(new TreeSet<>(API_NAMES.keySet()), new TreeSet<>(apis));
    for (String api : apis) {
      assertEquals(true, template.properties(api).get("TracingEnabled"), api);
    }
  }

  @Test
  void functions_areTheFourTheAlarmsWatch() {
    assertEquals(new TreeSet<>(FUNCTIONS), new TreeSet<>(functions()));
  }

  @Test
  void alarms_existAndNotifyTheOptionalTopicOnly() {
    assertEquals(new TreeSet<>(ALARMS), new TreeSet<>(resourcesOfType("AWS::CloudWatch::Alarm")));
    Object actions =
        Map.of("Fn::If", List.of("HasAlarmTopic", List.of(Map.of("Ref", "AlarmTopicArn")), Map.of("Ref", "AWS::NoValue")));
    for (String alarm : ALARMS) {
      assertEquals(actions, template.properties(alarm).get("AlarmActions"), alarm);
      assertEquals(actions, template.properties(alarm).get("OKActions"), alarm);
    }
    Map<String, Object> condition = map(template.section("Conditions").get("HasAlarmTopic"));
    assertEquals(
        Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), "")))), condition);
  }

  @Test
  void fiveXxRateAlarms_divide5xxErrorsByRequestsOfTheirOwnApi() {
    Map<String, String> alarmOfApi =
        Map.of("EvaluationsApi", "EvaluationsApi5xxRateAlarm", "ScoringApi", "ScoringApi5xxRateAlarm");
    alarmOfApi.forEach((api, alarm) -> {
      Object apiName = template.properties(api).get("Name");
      assertEquals(Map.of("Fn::Sub", API_NAMES.get(api)), apiName);
      assertEquals(List.of(apiName, apiName), dimensionValues(alarm, "ApiName"), alarm);
      assertEquals(List.of("5XXError", "Count"), valuesOf(template.properties(alarm), "MetricName"), alarm);
      List<Object> expressions = valuesOf(template.properties(alarm), "Expression");
      assertEquals(1, expressions.size());
      assertTrue(String.valueOf(expressions.get(0)).contains("errors / requests"), alarm);
    });
  }

  @Test
  void latencyAlarms_watchP99OfTheirOwnApi() {
    Map<String, String> alarmOfApi =
        Map.of("EvaluationsApi", "EvaluationsApiLatencyAlarm", "ScoringApi", "ScoringApiLatencyAlarm");
    alarmOfApi.forEach((api, alarm) -> {
      Map<String, Object> properties = template.properties(alarm);
      assertEquals("AWS/ApiGateway", properties.get("Namespace"));
      assertEquals("Latency", properties.get("MetricName"));
      assertEquals("p99", properties.get("ExtendedStatistic"));
      assertEquals(List.of(template.properties(api).get("Name")), dimensionValues(alarm, "ApiName"));
    });
  }

  @Test
  void throttleAlarms_watchEveryFunctionAndTheRequestLinesThrottleMetric() {
    assertEquals(
        Set.copyOf(FUNCTIONS.stream().map(f -> Map.of("Ref", f)).toList()),
        Set.copyOf(dimensionValues("FunctionThrottlesAlarm", "FunctionName")));
    assertEquals(
        java.util.Collections.nCopies(FUNCTIONS.size(), "Throttles"),
        valuesOf(template.properties("FunctionThrottlesAlarm"), "MetricName"));

    Map<String, Object> dynamo = template.properties("DynamoDbThrottlesAlarm");
    assertEquals(List.of("evaljobs", "evaljobs"), valuesOf(dynamo, "Namespace"));
    assertEquals(List.of("Throttles", "Throttles"), valuesOf(dynamo, "MetricName"));
    assertEquals(List.of("evaluations", "scoring-jobs"), dimensionValues("DynamoDbThrottlesAlarm", "Api"));
    assertEquals(
        List.of(Map.of("Ref", "EvaluationsFunction"), Map.of("Ref", "ScoringJobsFunction")),
        dimensionValues("DynamoDbThrottlesAlarm", "Function"));
  }

  @Test
  void countsLagAlarm_watchesTheOldestUnappliedStreamRecordOfTheCountsFunction() {
    // A failed batch is retried, not dropped, so a stuck or throttled consumer shows as iterator age, not errors.
    Map<String, Object> properties = template.properties("EvaluationCountsLagAlarm");
    assertEquals("AWS/Lambda", properties.get("Namespace"));
    assertEquals("IteratorAge", properties.get("MetricName"));
    assertEquals("Maximum", properties.get("Statistic"));
    assertEquals(
        List.of(Map.of("Ref", "EvaluationCountsFunction")), dimensionValues("EvaluationCountsLagAlarm", "FunctionName"));
    assertEquals("GreaterThanThreshold", properties.get("ComparisonOperator"));
    assertTrue(properties.get("Threshold") instanceof Number threshold && threshold.longValue() > 0, "threshold in ms");
  }

  @Test
  void countsFunction_readsTheEvaluationsTableStreamAndWritesTheCountsTheListReads() {
    Map<String, Object> events = map(template.properties("EvaluationCountsFunction").get("Events"));
    List<Object> streams = new ArrayList<>();
    events.values().forEach(event -> streams.add(map(map(event).get("Properties")).get("Stream")));
    assertEquals(List.of(Map.of("Fn::GetAtt", "EvaluationsTable.StreamArn")), streams);
    Object counts = Map.of("Ref", "EvaluationCountsTable");
    for (String function : List.of("EvaluationCountsFunction", "EvaluationsFunction")) {
      Map<String, Object> variables = map(map(template.properties(function).get("Environment")).get("Variables"));
      assertEquals(counts, variables.get("EVALUATION_COUNTS_TABLE"), function);
    }
  }

  @Test
  void countsFunction_reportsFailedRecordsOfABatch_asItsHandlerAnswers() {
    Map<String, Object> events = map(template.properties("EvaluationCountsFunction").get("Events"));
    assertTrue(!events.isEmpty(), "the counts function reads the stream");
    // EvaluationCountsHandler answers StreamsEventResponse; without this, Lambda would ignore the failures it names.
    events.values().forEach(event ->
        assertEquals(List.of("ReportBatchItemFailures"), map(map(event).get("Properties")).get("FunctionResponseTypes")));
  }

  @Test
  void authorizerAlarm_watchesTheAuthorizersErrors() {
    Map<String, Object> properties = template.properties("AuthorizerErrorsAlarm");
    assertEquals("AWS/Lambda", properties.get("Namespace"));
    assertEquals("Errors", properties.get("MetricName"));
    assertEquals(List.of(Map.of("Ref", "AuthorizerFunction")), dimensionValues("AuthorizerErrorsAlarm", "FunctionName"));
  }

  @Test
  void dashboard_showsEveryAlarmFunctionAndApi_andIsAnOutput() {
    assertEquals("AWS::CloudWatch::Dashboard", template.type("Dashboard"));
    List<?> sub = (List<?>) map(template.properties("Dashboard").get("DashboardBody")).get("Fn::Sub");
    String body = (String) sub.get(0);
    for (String alarm : ALARMS) {
      assertTrue(body.contains("${" + alarm + ".Arn}"), alarm);
    }
    for (String function : FUNCTIONS) {
      assertTrue(body.contains("${" + function + "}"), function);
    }
    assertEquals(
        Map.of("EvaluationsApiName", Map.of("Fn::Sub", API_NAMES.get("EvaluationsApi")),
            "ScoringApiName", Map.of("Fn::Sub", API_NAMES.get("ScoringApi"))),
        sub.get(1));
    assertTrue(body.contains("${EvaluationsApiName}") && body.contains("${ScoringApiName}"));
    assertTrue(body.contains("\"evaljobs\", \"ItemsReadPerItemReturned\""));
    String url = String.valueOf(map(map(template.section("Outputs").get("DashboardUrl")).get("Value")).get("Fn::Sub"));
    assertTrue(url.contains("#dashboards:name=${Dashboard}"), url);
  }

  @Test
  void pageSizeCaps_areParametersWithTheContractsRange_passedToTheirFunctions() {
    Map<String, String> variableOf =
        Map.of("EvaluationsMaxLimit", "EVALUATIONS_MAX_LIMIT", "ScoringJobsMaxLimit", "SCORING_JOBS_MAX_LIMIT");
    Map<String, String> functionOf =
        Map.of("EvaluationsMaxLimit", "EvaluationsFunction", "ScoringJobsMaxLimit", "ScoringJobsFunction");
    variableOf.forEach((parameter, variable) -> {
      Map<String, Object> declared = map(template.section("Parameters").get(parameter));
      assertEquals("Number", declared.get("Type"));
      assertEquals(100, declared.get("Default"));
      assertEquals(1, declared.get("MinValue"));
      assertEquals(100, declared.get("MaxValue"));
      Map<String, Object> variables =
          map(map(template.properties(functionOf.get(parameter)).get("Environment")).get("Variables"));
      assertEquals(Map.of("Ref", parameter), variables.get(variable));
    });
  }

  @Test
  void pageTokenSecret_nameIsOverridableAndGeneratedByDefault() {
    assertEquals("", map(template.section("Parameters").get("PageTokenSecretName")).get("Default"));
    assertEquals(
        Map.of("Fn::If", List.of("HasPageTokenSecretName", Map.of("Ref", "PageTokenSecretName"), Map.of("Ref", "AWS::NoValue"))),
        template.properties("PageTokenSecret").get("Name"));
    assertFalse(template.properties("PageTokenSecret").containsKey("SecretString"), "the key is generated, never given");
  }

  private List<String> functions() {
    return resourcesOfType("AWS::Serverless::Function");
  }

  private List<String> resourcesOfType(String type) {
    return template.resources().keySet().stream().filter(id -> type.equals(template.type(id))).toList();
  }
}
