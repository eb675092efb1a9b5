package io.evaljobs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IAM of template.yaml as CloudFormation creates it, after the SAM transform: the roles SAM generates for the
 * functions and the managed policies it attaches, which the source template does not show.
 */
class TransformedTemplateIamTest {
  /** What SAM attaches to each role it generates (logs, and X-Ray for Tracing: Active); nothing else is allowed. */
  private static final Set<String> GENERATED_ROLE_MANAGED_POLICIES =
      Set.of(
          "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess");

  private static JsonNode resources;

  @BeforeAll
  static void transform() throws Exception {
    resources = SamTransform.ofTemplate().path("Resources");
    assertTrue(resources.size() > 20, "the transform produced the stack's resources");
  }

  @Test
  void everyStatementOnEveryResource_isOneOfXRaysWrites() {
    List<String> wildcards = new ArrayList<>();
    forEachStatement((owner, statement) -> {
      assertFalse(statement.containsKey("NotAction") || statement.containsKey("NotResource"), owner + ": " + statement);
      for (Object resource : list(statement.get("Resource"))) {
        if ("*".equals(resource)) {
          for (Object action : list(statement.get("Action"))) {
            if (!TemplateIamTest.ACTIONS_ONLY_ON_EVERY_RESOURCE.contains(String.valueOf(action))) {
              wildcards.add(owner + ": " + action + " on *");
            }
          }
        }
      }
    });
    assertEquals(List.of(), wildcards);
  }

  @Test
  void managedPolicies_areSamsLoggingAndTracingOnGeneratedRolesOnly_noneOnTheCountsRole() {
    Set<String> rolesWithManagedPolicies = new TreeSet<>();
    resources.properties().forEach(entry -> {
      if (!entry.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
        return;
      }
      JsonNode managed = entry.getValue().path("Properties").path("ManagedPolicyArns");
      if (managed.isMissingNode() || managed.isEmpty()) {
        return;
      }
      rolesWithManagedPolicies.add(entry.getKey());
      Set<String> arns = new HashSet<>();
      managed.forEach(arn -> arns.add(arn.asText()));
      assertEquals(GENERATED_ROLE_MANAGED_POLICIES, arns, entry.getKey());
    });
    assertEquals(
        Set.of("AuthorizerFunctionRole", "EvaluationsFunctionRole", "ScoringJobsFunctionRole"),
        rolesWithManagedPolicies);
    assertTrue(resources.path(TemplateIamTest.COUNTS_ROLE).path("Properties").path("ManagedPolicyArns").isMissingNode());
    assertFalse(resources.toString().contains("AWSLambdaDynamoDBExecutionRole"), "SAM's stream policy is attached");
  }

  @Test
  void countsFunction_runsWithItsOwnRole_whoseStreamActionsNameTheStreamItsMappingReads() {
    JsonNode function = resources.path(TemplateIamTest.COUNTS_FUNCTION);
    assertEquals("AWS::Lambda::Function", function.path("Type").asText());
    assertEquals(Map.of("Fn::GetAtt", TemplateIamTest.COUNTS_ROLE + ".Arn"),
        TemplateIamTest.normalize(java(function.path("Properties").path("Role"))));

    List<Object> streams = new ArrayList<>();
    resources.forEach(resource -> {
      if (resource.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")) {
        streams.add(TemplateIamTest.normalize(java(resource.path("Properties").path("EventSourceArn"))));
      }
    });
    assertEquals(List.of(TemplateIamTest.EVALUATIONS_STREAM), streams);

    Set<Object> streamResources = new HashSet<>();
    for (List<Object> pair : grantedPairs(TemplateIamTest.COUNTS_ROLE)) {
      if (String.valueOf(pair.get(0)).matches("dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)")) {
        streamResources.add(pair.get(1));
      }
    }
    assertEquals(Set.of(TemplateIamTest.EVALUATIONS_STREAM), streamResources);
  }

  @Test
  void everyFunctionsRole_grantsExactlyItsReviewedGrant() {
    Set<String> checked = new TreeSet<>();
    resources.properties().forEach(entry -> {
      if (!entry.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
        return;
      }
      String function = entry.getKey();
      TemplateIamTest.Grant grant = TemplateIamTest.ALLOWED.get(function);
      assertTrue(grant != null, function + ": a function the IAM check does not know");
      Object role = TemplateIamTest.normalize(java(entry.getValue().path("Properties").path("Role")));
      assertTrue(role instanceof Map<?, ?> getAtt && String.valueOf(getAtt.get("Fn::GetAtt")).endsWith(".Arn"),
          function + ": role " + role);
      String roleId = String.valueOf(((Map<?, ?>) role).get("Fn::GetAtt")).replace(".Arn", "");
      assertEquals(grant.pairs(), grantedPairs(roleId), function + " (" + roleId + ")");
      checked.add(function);
    });
    assertEquals(TemplateIamTest.ALLOWED.keySet(), checked);
  }

  /** Every (action, resource) pair of the role's inline Allow statements, GetAtt in its one-string form. */
  private static Set<List<Object>> grantedPairs(String roleId) {
    JsonNode role = resources.path(roleId);
    assertEquals("AWS::IAM::Role", role.path("Type").asText(), roleId);
    Set<List<Object>> pairs = new HashSet<>();
    for (JsonNode policy : role.path("Properties").path("Policies")) {
      for (Object statement : list(java(policy.path("PolicyDocument").path("Statement")))) {
        Map<?, ?> s = (Map<?, ?>) statement;
        assertEquals("Allow", s.get("Effect"), roleId);
        for (Object action : list(s.get("Action"))) {
          for (Object resource : list(s.get("Resource"))) {
            pairs.add(List.of(String.valueOf(action), TemplateIamTest.normalize(resource)));
          }
        }
      }
    }
    return pairs;
  }

  private interface StatementCheck {
    void check(String owner, Map<?, ?> statement);
  }

  /** Each statement of every role and policy resource in the transformed template. */
  private static void forEachStatement(StatementCheck check) {
    resources.properties().forEach(entry -> {
      String type = entry.getValue().path("Type").asText();
      JsonNode properties = entry.getValue().path("Properties");
      List<JsonNode> documents = new ArrayList<>();
      if (type.equals("AWS::IAM::Role")) {
        properties.path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
      } else if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
        documents.add(properties.path("PolicyDocument"));
      }
      for (JsonNode document : documents) {
        for (Object statement : list(java(document.path("Statement")))) {
          check.check(entry.getKey(), (Map<?, ?>) statement);
        }
      }
    });
  }

  private static Object java(JsonNode node) {
    return ProxyResponse.MAPPER.convertValue(node, Object.class);
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of(java.util.Objects.requireNonNullElse(value, "none"));
  }
}
