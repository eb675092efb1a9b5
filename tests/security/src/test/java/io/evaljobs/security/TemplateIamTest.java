package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tables.TemplateDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege of template.yaml: each function may do exactly the DynamoDB actions its code calls, each on its
 * own table or the indexes it reads, and the list functions may read the page token key secret; nothing else, and
 * no managed or template policy in the template.
 *
 * <p>Everything on a request path (the authorizer and the two list functions, which API Gateway invokes) only
 * reads: there is no write permission anywhere in the read path. The one writer, EvaluationCountsFunction, is on no
 * request path: only the evaluations table's stream invokes it, and it may only UpdateItem the counts table. Its
 * DynamoDB event makes SAM attach the AWS managed stream-read policy (DescribeStream, GetRecords, GetShardIterator,
 * ListStreams, logs) to its role; that policy reads streams only and is not part of what this class checks.
 */
class TemplateIamTest {
  /** The actions a function may take, each on the resources it may touch (GetAtt in its one-string form). */
  private record Grant(Map<String, Set<Object>> resourcesByAction) {
    Set<Object> resources(Object action) {
      return resourcesByAction.getOrDefault(String.valueOf(action), Set.of());
    }

    /** Every (action, resource) pair this grant allows. */
    Set<List<Object>> pairs() {
      Set<List<Object>> pairs = new HashSet<>();
      resourcesByAction.forEach((action, resources) -> resources.forEach(r -> pairs.add(List.of(action, r))));
      return pairs;
    }
  }

  private static final String COUNTS_TABLE = "EvaluationCountsTable";

  /** Actions that change nothing; the request path may hold no other. */
  private static final Set<String> READ_ACTIONS =
      Set.of("dynamodb:GetItem", "dynamodb:Query", "secretsmanager:GetSecretValue");

  /** The page token key secret, which the list functions only read. */
  private static final Map<String, Set<Object>> READ_TOKEN_SECRET =
      Map.of("secretsmanager:GetSecretValue", Set.of(Map.of("Ref", "PageTokenSecret")));

  private static final Map<String, Grant> ALLOWED =
      Map.of(
          "AuthorizerFunction",
          new Grant(Map.of("dynamodb:GetItem", Set.of(arn("ApiKeysTable")))),
          "EvaluationsFunction",
          evaluationsFunction(),
          "EvaluationCountsFunction",
          new Grant(Map.of("dynamodb:UpdateItem", Set.of(arn(COUNTS_TABLE)))),
          "ScoringJobsFunction",
          listFunction("${ScoringJobsTable.Arn}/index/*"));

  private static Object arn(String table) {
    return Map.of("Fn::GetAtt", table + ".Arn");
  }

  private static Grant listFunction(String indexes) {
    Map<String, Set<Object>> grants = new HashMap<>(READ_TOKEN_SECRET);
    grants.put("dynamodb:Query", Set.of(Map.of("Fn::Sub", indexes)));
    return new Grant(grants);
  }

  /** Its indexes, plus the counters total_count is read from: one GetItem, or a Query of a range's counters. */
  private static Grant evaluationsFunction() {
    Map<String, Set<Object>> grants = new HashMap<>(listFunction("${EvaluationsTable.Arn}/index/*").resourcesByAction());
    grants.put("dynamodb:Query", Set.of(Map.of("Fn::Sub", "${EvaluationsTable.Arn}/index/*"), arn(COUNTS_TABLE)));
    grants.put("dynamodb:GetItem", Set.of(arn(COUNTS_TABLE)));
    return new Grant(grants);
  }

  @Test
  void template_everyFunctionPolicy_grantsOnlyItsOwnActionsOnItsOwnResources() {
    List<String> violations = violations(TemplateDocument.load());
    assertEquals(List.of(), violations);
  }

  @Test
  void template_everyFunctionPolicy_grantsEveryActionItsCodeCalls() {
    assertEquals(List.of(), missing(TemplateDocument.load()));
  }

  @Test
  void template_functionsOnARequestPath_holdNoWritePermission() {
    TemplateDocument template = TemplateDocument.load();
    Set<String> requestPath = requestPathFunctions(template);
    assertEquals(Set.of("AuthorizerFunction", "EvaluationsFunction", "ScoringJobsFunction"), requestPath);
    for (String function : requestPath) {
      Set<String> actions = new TreeSet<>();
      grantedPairs(template, function).forEach(pair -> actions.add(String.valueOf(pair.get(0))));
      assertTrue(!actions.isEmpty(), function + " has no statements to check");
      assertTrue(READ_ACTIONS.containsAll(actions), function + " may do more than read: " + actions);
    }
  }

  @Test
  void template_theCountsWriter_isInvokedOnlyByTheEvaluationsTableStream() {
    TemplateDocument template = TemplateDocument.load();
    Map<String, Object> events = asMap(template.properties("EvaluationCountsFunction").get("Events"));
    assertEquals(1, events.size(), "events of EvaluationCountsFunction: " + events.keySet());
    Map<String, Object> event = asMap(events.values().iterator().next());
    assertEquals("DynamoDB", event.get("Type"));
    assertEquals(
        Map.of("Fn::GetAtt", "EvaluationsTable.StreamArn"),
        normalize(asMap(event.get("Properties")).get("Stream")));
  }

  @Test
  void template_noIamResourceGrantsAnythingBesideTheFunctionPolicies() {
    TemplateDocument template = TemplateDocument.load();
    for (String logicalId : template.resources().keySet()) {
      assertTrue(!template.type(logicalId).startsWith("AWS::IAM::"), logicalId + " is " + template.type(logicalId));
    }
  }

  @Test
  void checker_broaderPolicies_areReported() {
    // Guards the checker itself: each of these must be caught.
    List<String> broader =
        List.of(
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:*\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: [dynamodb:Query, dynamodb:Scan]\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:Query\n"
                + "    Resource: '*'"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:Query\n"
                + "    Resource: !Sub '${ScoringJobsTable.Arn}/index/*'"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n"
                + "    Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:UpdateItem]\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:GetItem\n"
                + "    Resource: !GetAtt EvaluationsTable.Arn"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:GetItem\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:Query\n"
                + "    Resource: !Sub '${EvaluationCountsTable.Arn}/index/*'"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n"
                + "    Action: [dynamodb:UpdateItem, dynamodb:PutItem]\n    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:PutItem\n"
                + "    Resource: !GetAtt [EvaluationCountsTable, Arn]"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: !GetAtt EvaluationsTable.Arn"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: [!GetAtt EvaluationCountsTable.Arn, !GetAtt ApiKeysTable.Arn]"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: '*'"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:GetItem\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n"
                + "    Resource: !Ref PageTokenSecret"),
            policy("EvaluationCountsFunction", "- DynamoDBCrudPolicy:\n    TableName: !Ref EvaluationCountsTable"),
            policy("ScoringJobsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:GetItem\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("ScoringJobsFunction", "- Statement:\n  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n"
                + "    Resource: '*'"),
            policy("ScoringJobsFunction", "- Statement:\n  - Effect: Allow\n"
                + "    Action: [dynamodb:Query, secretsmanager:GetSecretValue]\n    Resource: !Ref PageTokenSecret"),
            policy("ScoringJobsFunction", "- DynamoDBCrudPolicy:\n    TableName: !Ref ScoringJobsTable"),
            policy("ScoringJobsFunction", "- DynamoDBReadPolicy:\n    TableName: !Ref ScoringJobsTable"),
            policy("ScoringJobsFunction", "- AmazonDynamoDBReadOnlyAccess"),
            policy("AuthorizerFunction", "- Statement:\n  - Effect: Allow\n    Action: [dynamodb:GetItem, dynamodb:PutItem]\n"
                + "    Resource: !GetAtt ApiKeysTable.Arn"),
            policy("AuthorizerFunction", "- Statement:\n  - Effect: Allow\n    NotAction: dynamodb:Scan\n"
                + "    Resource: !GetAtt ApiKeysTable.Arn"),
            "Resources:\n  AuthorizerFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Role: arn:aws:iam::1:role/admin\n",
            "Resources:\n  EvaluationCountsFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Role: arn:aws:iam::1:role/admin\n",
            "Resources:\n  OtherFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: x\n");
    for (String yaml : broader) {
      assertTrue(!violations(TemplateDocument.parse("broader.yaml", yaml)).isEmpty(), "not caught:\n" + yaml);
    }
    List<String> exact =
        List.of(
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action:\n      - dynamodb:Query\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'\n"
                + "  - Effect: Allow\n    Action: [dynamodb:GetItem, dynamodb:Query]\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn"),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: [dynamodb:UpdateItem]\n"
                + "    Resource: !GetAtt [EvaluationCountsTable, Arn]"));
    for (String yaml : exact) {
      assertEquals(List.of(), violations(TemplateDocument.parse("exact.yaml", yaml)), yaml);
    }
  }

  @Test
  void checker_missingGrants_areReported() {
    // A function denied what its code calls fails only once deployed: the list would answer 503 on every request.
    List<String> shortOfWhatTheCodeCalls =
        List.of(
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:Query\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'\n"
                + "  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n    Resource: !Ref PageTokenSecret"),
            policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:Query\n"
                + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'\n"
                + "  - Effect: Allow\n    Action: dynamodb:GetItem\n    Resource: !GetAtt EvaluationCountsTable.Arn\n"
                + "  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n    Resource: !Ref PageTokenSecret"),
            policy("EvaluationCountsFunction", "- Statement: []"));
    for (String yaml : shortOfWhatTheCodeCalls) {
      assertTrue(!missing(TemplateDocument.parse("short.yaml", yaml)).isEmpty(), "not caught:\n" + yaml);
    }
    String complete =
        policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
            + "    Resource: !GetAtt [EvaluationCountsTable, Arn]");
    assertEquals(List.of(), missing(TemplateDocument.parse("complete.yaml", complete)));
  }

  private static String policy(String function, String policies) {
    return "Resources:\n  " + function + ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n"
        + policies.indent(8);
  }

  private static List<String> functions(TemplateDocument template) {
    return template.resources().keySet().stream()
        .filter(id -> template.type(id).equals("AWS::Serverless::Function")
            || template.type(id).equals("AWS::Lambda::Function"))
        .toList();
  }

  private static List<String> violations(TemplateDocument template) {
    List<String> violations = new ArrayList<>();
    for (String logicalId : functions(template)) {
      Grant grant = ALLOWED.get(logicalId);
      if (grant == null) {
        violations.add(logicalId + ": a function this check does not know; give it a rule");
        continue;
      }
      Map<String, Object> properties = template.properties(logicalId);
      for (String forbidden : List.of("Role", "ManagedPolicyArns", "AssumeRolePolicyDocument")) {
        if (properties.containsKey(forbidden)) {
          violations.add(logicalId + ": " + forbidden + " bypasses the reviewed policy");
        }
      }
      Object policies = properties.get("Policies");
      if (!(policies instanceof List<?> list)) {
        violations.add(logicalId + ": Policies must be a list of inline statements, got " + policies);
        continue;
      }
      for (Object policy : list) {
        if (!(policy instanceof Map<?, ?> map) || !map.keySet().equals(Set.of("Statement"))) {
          violations.add(logicalId + ": only inline Statement policies, no managed or template policy: " + policy);
          continue;
        }
        for (Object statement : statementsOf(map)) {
          checkStatement(logicalId, grant, statement, violations);
        }
      }
    }
    return violations;
  }

  /** What each known function's grant allows and its statements do not: calls that AWS would deny. */
  private static List<String> missing(TemplateDocument template) {
    List<String> missing = new ArrayList<>();
    for (String logicalId : functions(template)) {
      Grant grant = ALLOWED.get(logicalId);
      if (grant == null) {
        continue;
      }
      Set<List<Object>> absent = new HashSet<>(grant.pairs());
      absent.removeAll(grantedPairs(template, logicalId));
      if (!absent.isEmpty()) {
        missing.add(logicalId + ": not granted " + absent);
      }
    }
    return missing;
  }

  /** Every (action, resource) pair the function's inline Allow statements name, GetAtt in its one-string form. */
  private static Set<List<Object>> grantedPairs(TemplateDocument template, String function) {
    Set<List<Object>> pairs = new HashSet<>();
    Object policies = template.properties(function).get("Policies");
    if (!(policies instanceof List<?> list)) {
      return pairs;
    }
    for (Object policy : list) {
      if (!(policy instanceof Map<?, ?> map) || !map.containsKey("Statement")) {
        continue;
      }
      for (Object statement : statementsOf(map)) {
        if (!(statement instanceof Map<?, ?> s) || !"Allow".equals(s.get("Effect"))) {
          continue;
        }
        for (Object action : listOf(s.get("Action"))) {
          for (Object resource : listOf(s.get("Resource"))) {
            pairs.add(List.of(String.valueOf(action), normalize(resource)));
          }
        }
      }
    }
    return pairs;
  }

  /**
   * The functions API Gateway invokes while answering a request: those with an Api event, and the authorizers the
   * APIs name.
   */
  private static Set<String> requestPathFunctions(TemplateDocument template) {
    Set<String> functions = new TreeSet<>();
    for (String function : functions(template)) {
      Object events = template.properties(function).get("Events");
      if (events instanceof Map<?, ?> byName) {
        for (Object event : byName.values()) {
          if (event instanceof Map<?, ?> e && "Api".equals(e.get("Type"))) {
            functions.add(function);
          }
        }
      }
    }
    for (String api : template.resources().keySet()) {
      if (!template.type(api).equals("AWS::Serverless::Api")) {
        continue;
      }
      Object auth = template.properties(api).get("Auth");
      Object authorizers = auth instanceof Map<?, ?> a ? a.get("Authorizers") : null;
      if (authorizers instanceof Map<?, ?> byName) {
        for (Object authorizer : byName.values()) {
          Object arn = asMap(authorizer).get("FunctionArn");
          Object target = arn instanceof Map<?, ?> ref ? ref.get("Ref") : null;
          if (target == null && arn instanceof Map<?, ?> getAtt) {
            target = normalize(getAtt) instanceof Map<?, ?> n ? n.get("Fn::GetAtt") : null;
          }
          if (target == null && arn instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text
              && text.matches("\\$\\{[A-Za-z0-9]+\\.(Arn|Alias)}")) {
            target = text.substring(2, text.length() - 1);
          }
          String name = String.valueOf(target);
          functions.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        }
      }
    }
    return functions;
  }

  private static List<?> statementsOf(Map<?, ?> policy) {
    Object statements = policy.get("Statement");
    return statements instanceof List<?> l ? l : List.of(statements);
  }

  private static List<?> listOf(Object value) {
    return value instanceof List<?> l ? l : List.of(Objects.requireNonNullElse(value, "none"));
  }

  /** {@code !GetAtt [X, Arn]} as {@code !GetAtt X.Arn}: the two forms name the same attribute. */
  private static Object normalize(Object resource) {
    if (resource instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> parts
        && parts.size() == 2) {
      return Map.of("Fn::GetAtt", parts.get(0) + "." + parts.get(1));
    }
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertTrue(value instanceof Map, "expected a mapping, got " + value);
    return (Map<String, Object>) value;
  }

  private static void checkStatement(String function, Grant grant, Object statement, List<String> violations) {
    if (!(statement instanceof Map<?, ?> map)) {
      violations.add(function + ": statement is not a mapping: " + statement);
      return;
    }
    if (!Set.of("Effect", "Action", "Resource", "Sid").containsAll(map.keySet())) {
      violations.add(function + ": statement has more than Effect, Action, Resource: " + map.keySet());
    }
    if (!Objects.equals("Allow", map.get("Effect"))) {
      violations.add(function + ": Effect must be Allow: " + map.get("Effect"));
    }
    Object actions = map.get("Action");
    List<?> actionList = actions instanceof List<?> l ? l : List.of(String.valueOf(actions));
    for (Object action : actionList) {
      Set<Object> allowed = grant.resources(action);
      if (allowed.isEmpty()) {
        violations.add(function + ": action " + action + " beyond " + grant.resourcesByAction().keySet());
      }
      for (Object resource : listOf(map.get("Resource"))) {
        if (!allowed.isEmpty() && !allowed.contains(normalize(resource))) {
          violations.add(function + ": " + action + " on " + resource + " beyond " + allowed);
        }
      }
    }
  }
}
