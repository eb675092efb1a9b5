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
 * request path: only the evaluations table's stream invokes it, and it may only UpdateItem the counts table. It runs
 * with its own role in the template (EvaluationCountsRole), whose stream actions name the evaluations table's stream
 * and whose log actions name its log group: with a generated role, SAM's DynamoDB event would attach the managed
 * stream policy, which grants those actions on "*". {@link TransformedTemplateIamTest} checks the same rules on the
 * template as CloudFormation sees it after the SAM transform.
 */
class TemplateIamTest {
  /** The actions a function may take, each on the resources it may touch (GetAtt in its one-string form). */
  record Grant(Map<String, Set<Object>> resourcesByAction) {
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

  /** The evaluations table's stream: the only stream, and the only resource of the stream actions. */
  static final Object EVALUATIONS_STREAM = Map.of("Fn::GetAtt", "EvaluationsTable.StreamArn");

  /** The one role the template declares, and the one function that runs with it. */
  static final String COUNTS_ROLE = "EvaluationCountsRole";
  static final String COUNTS_FUNCTION = "EvaluationCountsFunction";

  /** X-Ray has no resource-level permissions: these two actions are the only ones a role may hold on "*". */
  static final Set<String> ACTIONS_ONLY_ON_EVERY_RESOURCE = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

  static final Map<String, Grant> ALLOWED =
      Map.of(
          "AuthorizerFunction",
          new Grant(Map.of("dynamodb:GetItem", Set.of(arn("ApiKeysTable")))),
          "EvaluationsFunction",
          evaluationsFunction(),
          COUNTS_FUNCTION,
          countsFunction(),
          "ScoringJobsFunction",
          listFunction("${ScoringJobsTable.Arn}/index/*"));

  /** Read its stream, write the counters, write its own log group, send its traces. */
  private static Grant countsFunction() {
    Map<String, Set<Object>> grants = new HashMap<>();
    for (String action :
        List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams")) {
      grants.put(action, Set.of(EVALUATIONS_STREAM));
    }
    grants.put("dynamodb:UpdateItem", Set.of(arn(COUNTS_TABLE)));
    Object logGroup = Map.of("Fn::GetAtt", "EvaluationCountsFunctionLogGroup.Arn");
    grants.put("logs:CreateLogStream", Set.of(logGroup));
    grants.put("logs:PutLogEvents", Set.of(logGroup));
    ACTIONS_ONLY_ON_EVERY_RESOURCE.forEach(action -> grants.put(action, Set.of("*")));
    return new Grant(grants);
  }

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
  void template_theOnlyIamResource_isTheCountsFunctionsRole_usedByNothingElse() {
    TemplateDocument template = TemplateDocument.load();
    for (String logicalId : template.resources().keySet()) {
      if (template.type(logicalId).startsWith("AWS::IAM::")) {
        assertEquals(COUNTS_ROLE, logicalId, logicalId + " is " + template.type(logicalId));
        assertEquals("AWS::IAM::Role", template.type(logicalId));
      }
    }
    assertEquals(Map.of("Fn::GetAtt", COUNTS_ROLE + ".Arn"), normalize(template.properties(COUNTS_FUNCTION).get("Role")));
    for (String function : functions(template)) {
      if (!function.equals(COUNTS_FUNCTION)) {
        assertTrue(!template.properties(function).containsKey("Role"), function + " names a role");
      }
    }
  }

  @Test
  void template_functionsWithAStreamEvent_runWithTheirOwnRole_soSamAttachesNoStreamPolicyOnEveryResource() {
    TemplateDocument template = TemplateDocument.load();
    for (String function : functions(template)) {
      if (hasStreamEvent(template, function)) {
        assertEquals(COUNTS_FUNCTION, function);
        assertTrue(template.properties(function).containsKey("Role"), function + " would get SAM's stream policy");
      }
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
            "Resources:\n  OtherFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: x\n",
            // A stream event without its own role: SAM would attach the managed stream policy on "*".
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: !GetAtt EvaluationCountsTable.Arn")
                + "      Events:\n        S:\n          Type: DynamoDB\n"
                + "          Properties:\n            Stream: !GetAtt EvaluationsTable.StreamArn\n",
            countsRole(COUNTS_STATEMENTS.replace("Resource: !GetAtt EvaluationsTable.StreamArn", "Resource: '*'")),
            countsRole(COUNTS_STATEMENTS.replace("- dynamodb:ListStreams", "- dynamodb:ListStreams\n    - dynamodb:Scan")),
            countsRole(COUNTS_STATEMENTS.replace(
                "Resource: !GetAtt EvaluationCountsFunctionLogGroup.Arn", "Resource: '*'")),
            countsRole(COUNTS_STATEMENTS + "- Effect: Allow\n  Action: dynamodb:GetRecords\n"
                + "  Resource: !GetAtt ScoringJobsTable.StreamArn\n"),
            countsRole(COUNTS_STATEMENTS).replace("Policies:", "ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]\n      Policies:"),
            countsRole(COUNTS_STATEMENTS).replace("Service: lambda.amazonaws.com", "AWS: '*'"),
            countsRole(COUNTS_STATEMENTS).replace("Role: !GetAtt EvaluationCountsRole.Arn",
                "Role: !GetAtt EvaluationCountsRole.Arn\n      Policies:\n        - AmazonDynamoDBFullAccess"));
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
                + "    Resource: !GetAtt [EvaluationCountsTable, Arn]"),
            countsRole(COUNTS_STATEMENTS));
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
            policy("EvaluationCountsFunction", "- Statement: []"),
            countsRole(COUNTS_STATEMENTS.replace("    - dynamodb:GetShardIterator\n", "")),
            policy("EvaluationCountsFunction", "- Statement:\n  - Effect: Allow\n    Action: dynamodb:UpdateItem\n"
                + "    Resource: !GetAtt [EvaluationCountsTable, Arn]"));
    for (String yaml : shortOfWhatTheCodeCalls) {
      assertTrue(!missing(TemplateDocument.parse("short.yaml", yaml)).isEmpty(), "not caught:\n" + yaml);
    }
    String complete = countsRole(COUNTS_STATEMENTS);
    assertEquals(List.of(), missing(TemplateDocument.parse("complete.yaml", complete)));
  }

  /** The statements EvaluationCountsFunction needs, as the role in template.yaml writes them. */
  private static final String COUNTS_STATEMENTS =
      "- Effect: Allow\n  Action:\n    - dynamodb:DescribeStream\n    - dynamodb:GetRecords\n"
          + "    - dynamodb:GetShardIterator\n    - dynamodb:ListStreams\n"
          + "  Resource: !GetAtt EvaluationsTable.StreamArn\n"
          + "- Effect: Allow\n  Action: dynamodb:UpdateItem\n  Resource: !GetAtt EvaluationCountsTable.Arn\n"
          + "- Effect: Allow\n  Action: [logs:CreateLogStream, logs:PutLogEvents]\n"
          + "  Resource: !GetAtt EvaluationCountsFunctionLogGroup.Arn\n"
          + "- Effect: Allow\n  Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]\n  Resource: '*'\n";

  /** The counts function with its stream event and its own role holding {@code statements}. */
  private static String countsRole(String statements) {
    return "Resources:\n  EvaluationCountsFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        + "      Role: !GetAtt EvaluationCountsRole.Arn\n"
        + "      Events:\n        S:\n          Type: DynamoDB\n"
        + "          Properties:\n            Stream: !GetAtt EvaluationsTable.StreamArn\n"
        + "  EvaluationCountsRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
        + "      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n"
        + "            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n"
        + "      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n"
        + statements.indent(14);
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
      for (String forbidden : List.of("ManagedPolicyArns", "AssumeRolePolicyDocument", "PermissionsBoundary")) {
        if (properties.containsKey(forbidden)) {
          violations.add(logicalId + ": " + forbidden + " bypasses the reviewed policy");
        }
      }
      if (properties.containsKey("Role")) {
        roleViolations(template, logicalId, grant, violations);
        continue;
      }
      if (hasStreamEvent(template, logicalId)) {
        violations.add(logicalId + ": a stream event without its own role makes SAM grant stream reads on \"*\"");
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

  /**
   * A function's own role: a role of this template (GetAtt, not an ARN from elsewhere), no managed policies or
   * boundary, assumable by Lambda only, and inline statements within the function's grant; no SAM Policies beside.
   */
  private static void roleViolations(TemplateDocument template, String function, Grant grant, List<String> violations) {
    Object role = normalize(template.properties(function).get("Role"));
    String roleId = role instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof String attribute
        && attribute.endsWith(".Arn") ? attribute.substring(0, attribute.length() - ".Arn".length()) : null;
    if (roleId == null || !template.resources().containsKey(roleId) || !template.type(roleId).equals("AWS::IAM::Role")) {
      violations.add(function + ": Role " + role + " is not a role of this template");
      return;
    }
    if (template.properties(function).containsKey("Policies")) {
      violations.add(function + ": Policies beside its own role");
    }
    Map<String, Object> roleProperties = template.properties(roleId);
    for (String key : roleProperties.keySet()) {
      if (!Set.of("Description", "AssumeRolePolicyDocument", "Policies").contains(key)) {
        violations.add(roleId + ": " + key + " is beyond the reviewed inline policies");
      }
    }
    String trust = String.valueOf(roleProperties.get("AssumeRolePolicyDocument"));
    if (!trust.contains("Service=lambda.amazonaws.com") || trust.contains("AWS=")) {
      violations.add(roleId + ": assumable by more than Lambda: " + trust);
    }
    for (Object statement : roleStatements(template, roleId)) {
      checkStatement(function, grant, statement, violations);
    }
  }

  /** The inline statements of a template role's Policies. */
  private static List<Object> roleStatements(TemplateDocument template, String roleId) {
    List<Object> statements = new ArrayList<>();
    Object policies = template.properties(roleId).get("Policies");
    for (Object policy : policies instanceof List<?> l ? l : List.of()) {
      Object document = policy instanceof Map<?, ?> p ? p.get("PolicyDocument") : null;
      if (document instanceof Map<?, ?> d) {
        statements.addAll(statementsOf(d));
      }
    }
    return statements;
  }

  private static boolean hasStreamEvent(TemplateDocument template, String function) {
    Object events = template.properties(function).get("Events");
    if (events instanceof Map<?, ?> byName) {
      for (Object event : byName.values()) {
        if (event instanceof Map<?, ?> e && Set.of("DynamoDB", "Kinesis").contains(String.valueOf(e.get("Type")))) {
          return true;
        }
      }
    }
    return false;
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
    List<Object> statements = new ArrayList<>();
    Object role = normalize(template.properties(function).get("Role"));
    if (role instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof String attribute
        && template.resources().containsKey(attribute.replace(".Arn", ""))) {
      statements.addAll(roleStatements(template, attribute.replace(".Arn", "")));
    }
    Object policies = template.properties(function).get("Policies");
    for (Object policy : policies instanceof List<?> list ? list : List.of()) {
      if (policy instanceof Map<?, ?> map && map.containsKey("Statement")) {
        statements.addAll(statementsOf(map));
      }
    }
    for (Object statement : statements) {
      if (!(statement instanceof Map<?, ?> s) || !"Allow".equals(s.get("Effect"))) {
        continue;
      }
      for (Object action : listOf(s.get("Action"))) {
        for (Object resource : listOf(s.get("Resource"))) {
          pairs.add(List.of(String.valueOf(action), normalize(resource)));
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
  static Object normalize(Object resource) {
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
