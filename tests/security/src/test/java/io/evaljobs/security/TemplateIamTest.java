package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tables.TemplateDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Least privilege of template.yaml: each function may do exactly its one DynamoDB action on its own table, and the
 * list functions may read the page token key secret; nothing else, and no managed or template policy.
 */
class TemplateIamTest {
  /** The one action a function may take on each resource it may touch. */
  private record Grant(Map<String, Set<Object>> resourcesByAction) {
    Set<Object> resources(Object action) {
      return resourcesByAction.getOrDefault(String.valueOf(action), Set.of());
    }
  }

  /** The page token key secret, which the list functions only read. */
  private static final Map<String, Set<Object>> READ_TOKEN_SECRET =
      Map.of("secretsmanager:GetSecretValue", Set.of(Map.of("Ref", "PageTokenSecret")));

  private static final Map<String, Grant> ALLOWED =
      Map.of(
          "AuthorizerFunction",
          new Grant(Map.of("dynamodb:GetItem", Set.of(Map.of("Fn::GetAtt", "ApiKeysTable.Arn"),
              Map.of("Fn::GetAtt", List.of("ApiKeysTable", "Arn"))))),
          "EvaluationsFunction",
          listFunction("${EvaluationsTable.Arn}/index/*"),
          "ScoringJobsFunction",
          listFunction("${ScoringJobsTable.Arn}/index/*"));

  private static Grant listFunction(String indexes) {
    Map<String, Set<Object>> grants = new java.util.HashMap<>(READ_TOKEN_SECRET);
    grants.put("dynamodb:Query", Set.of(Map.of("Fn::Sub", indexes)));
    return new Grant(grants);
  }

  @Test
  void template_everyFunctionPolicy_grantsOnlyItsOneActionOnItsOwnTable() {
    List<String> violations = violations(TemplateDocument.load());
    assertEquals(List.of(), violations);
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
            "Resources:\n  OtherFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: x\n");
    for (String yaml : broader) {
      assertTrue(!violations(TemplateDocument.parse("broader.yaml", yaml)).isEmpty(), "not caught:\n" + yaml);
    }
    String exact =
        policy("EvaluationsFunction", "- Statement:\n  - Effect: Allow\n    Action:\n      - dynamodb:Query\n"
            + "    Resource: !Sub '${EvaluationsTable.Arn}/index/*'");
    assertEquals(List.of(), violations(TemplateDocument.parse("exact.yaml", exact)));
  }

  private static String policy(String function, String policies) {
    return "Resources:\n  " + function + ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n"
        + policies.indent(8);
  }

  private static List<String> violations(TemplateDocument template) {
    List<String> violations = new ArrayList<>();
    for (String logicalId : template.resources().keySet()) {
      String type = template.type(logicalId);
      if (!type.equals("AWS::Serverless::Function") && !type.equals("AWS::Lambda::Function")) {
        continue;
      }
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
        Object statements = map.get("Statement");
        for (Object statement : statements instanceof List<?> l ? l : List.of(statements)) {
          checkStatement(logicalId, grant, statement, violations);
        }
      }
    }
    return violations;
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
    Object resources = map.get("Resource");
    List<?> resourceList = resources instanceof List<?> l ? l : List.of(Objects.requireNonNullElse(resources, "none"));
    for (Object action : actionList) {
      Set<Object> allowed = grant.resources(action);
      if (allowed.isEmpty()) {
        violations.add(function + ": action " + action + " beyond " + grant.resourcesByAction().keySet());
      }
      for (Object resource : resourceList) {
        if (!allowed.isEmpty() && !allowed.contains(resource)) {
          violations.add(function + ": " + action + " on " + resource + " beyond " + allowed);
        }
      }
    }
  }
}
