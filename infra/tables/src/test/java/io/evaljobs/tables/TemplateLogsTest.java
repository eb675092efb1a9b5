package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where the stack's logs go and how long they stay: a declared log group for every function and every API's access
 * log, each kept for LogRetentionDays; access log lines are JSON that never holds a key header. Also the authorizer
 * cache TTL, which bounds how long a revoked key keeps working.
 */
class TemplateLogsTest {
  /** A JSON object of string fields, each one API Gateway context variable: the only shape the format may have. */
  private static final Pattern ACCESS_LOG_FORMAT =
      Pattern.compile("\\{\"\\w+\":\"\\$context\\.[\\w.]+\"(,\"\\w+\":\"\\$context\\.[\\w.]+\")*\\}");
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"(\\$context\\.[\\w.]+)\"");

  private final TemplateDocument template = TemplateDocument.load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertTrue(value instanceof Map, "expected a mapping, got " + value);
    return (Map<String, Object>) value;
  }

  private List<String> resourcesOfType(String type) {
    return template.resources().keySet().stream().filter(id -> type.equals(template.type(id))).toList();
  }

  @Test
  void retention_isAParameterOf30DaysByDefault_andEveryLogGroupKeepsIt() {
    Map<String, Object> parameter = map(template.section("Parameters").get("LogRetentionDays"));
    assertEquals("Number", parameter.get("Type"));
    assertEquals(30, parameter.get("Default"));
    assertTrue(((List<?>) parameter.get("AllowedValues")).contains(30));
    List<String> groups = resourcesOfType("AWS::Logs::LogGroup");
    assertEquals(6, groups.size(), "four functions and two access logs: " + groups);
    for (String group : groups) {
      assertEquals(Map.of("Ref", "LogRetentionDays"), template.properties(group).get("RetentionInDays"), group);
      assertTrue(template.properties(group).get("LogGroupName") instanceof Map<?, ?> name
          && String.valueOf(name.get("Fn::Sub")).contains("${AWS::StackName}"), group + " is named per stack");
    }
  }

  @Test
  void everyFunction_writesToItsOwnDeclaredLogGroup() {
    Set<Object> used = new HashSet<>();
    List<String> functions = resourcesOfType("AWS::Serverless::Function");
    assertEquals(4, functions.size());
    for (String function : functions) {
      Object group = map(template.properties(function).get("LoggingConfig")).get("LogGroup");
      assertTrue(group instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id
          && "AWS::Logs::LogGroup".equals(template.type(id)), function + " logs to " + group);
      assertTrue(used.add(group), function + " shares its log group");
    }
  }

  @Test
  void everyApi_writesJsonAccessLogsOfRequestStatusLatencyAndRoute_toADeclaredGroup_withoutKeyHeaders() {
    List<String> apis = resourcesOfType("AWS::Serverless::Api");
    assertEquals(List.of("EvaluationsApi", "ScoringApi"), apis.stream().sorted().toList());
    Set<Object> used = new HashSet<>();
    for (String api : apis) {
      Map<String, Object> setting = map(template.properties(api).get("AccessLogSetting"));
      Object destination = setting.get("DestinationArn");
      assertTrue(destination instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof String attribute
          && attribute.endsWith(".Arn")
          && "AWS::Logs::LogGroup".equals(template.type(attribute.substring(0, attribute.length() - 4))),
          api + " logs to " + destination);
      assertTrue(used.add(destination), api + " shares its access log group");

      String format = String.valueOf(setting.get("Format"));
      assertTrue(ACCESS_LOG_FORMAT.matcher(format).matches(), api + " access log is not flat JSON: " + format);
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher field = FIELD.matcher(format);
      while (field.find()) {
        fields.put(field.group(2), field.group(1));
      }
      for (String required : List.of("$context.requestId", "$context.status", "$context.responseLatency",
          "$context.resourcePath")) {
        assertTrue(fields.containsKey(required), api + " access log lacks " + required);
      }
      String lower = format.toLowerCase(Locale.ROOT);
      for (String forbidden : List.of("apikey", "api-key", "header", "authorization", "$input", "$method")) {
        assertFalse(lower.contains(forbidden), api + " access log may hold a key: " + forbidden);
      }
    }
  }

  @Test
  void checker_accessLogFormat_refusesAnythingButFlatContextFields() {
    for (String bad : List.of("$context.requestId", "{\"a\":\"$context.requestId\"", "{\"a\":$context.status}",
        "{\"a\":\"$method.request.header.X-API-Key\"}", "{\"a\":\"x\"}")) {
      assertFalse(ACCESS_LOG_FORMAT.matcher(bad).matches(), bad);
    }
  }

  @Test
  void authorizerCacheTtl_isAParameterOf60SecondsByDefault_usedByBothApisAuthorizers() {
    Map<String, Object> parameter = map(template.section("Parameters").get("AuthorizerCacheTtlSeconds"));
    assertEquals("Number", parameter.get("Type"));
    assertEquals(60, parameter.get("Default"));
    assertEquals(0, parameter.get("MinValue"));
    assertEquals(3600, parameter.get("MaxValue"));
    for (String api : List.of("EvaluationsApi", "ScoringApi")) {
      Map<String, Object> authorizers = map(map(template.properties(api).get("Auth")).get("Authorizers"));
      assertEquals(1, authorizers.size(), api);
      Map<String, Object> identity = map(map(authorizers.values().iterator().next()).get("Identity"));
      assertEquals(Map.of("Ref", "AuthorizerCacheTtlSeconds"), identity.get("ReauthorizeEvery"), api);
    }
  }
}
