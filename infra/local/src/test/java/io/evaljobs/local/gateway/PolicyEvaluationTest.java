package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
  private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:local/local/GET/evaluations";

  private static byte[] policy(String effect, String resource) {
    return ("{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"" + effect
            + "\",\"Resource\":\"" + resource + "\"}]},\"context\":{\"organization\":\"acme\",\"n\":3}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void evaluate_allowForTheMethod_givesContextWithPrincipal() {
    AuthorizerOutcome outcome = PolicyEvaluation.evaluate(policy("Allow", ARN), ARN);
    assertEquals(new AuthorizerOutcome.Allowed(Map.of("organization", "acme", "n", "3", "principalId", "p")), outcome);
  }

  @Test
  void evaluate_denyOrAllowForAnotherMethod_denies() {
    assertInstanceOf(AuthorizerOutcome.Denied.class, PolicyEvaluation.evaluate(policy("Deny", ARN), ARN));
    assertInstanceOf(AuthorizerOutcome.Denied.class,
        PolicyEvaluation.evaluate(policy("Allow", ARN.replace("evaluations", "other")), ARN));
  }

  @Test
  void evaluate_resourcesAsAList_matchAnyOfThem() {
    byte[] policy =
        ("{\"principalId\":\"p\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":[\"arn:other\",\"" + ARN + "\"]}]}}")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(new AuthorizerOutcome.Allowed(Map.of("principalId", "p")), PolicyEvaluation.evaluate(policy, ARN));
  }

  @Test
  void evaluate_notAPolicy_fails() {
    assertInstanceOf(AuthorizerOutcome.Failed.class,
        PolicyEvaluation.evaluate("[]".getBytes(StandardCharsets.UTF_8), ARN));
    assertInstanceOf(AuthorizerOutcome.Failed.class,
        PolicyEvaluation.evaluate("{\"policyDocument\":{}}".getBytes(StandardCharsets.UTF_8), ARN));
    assertInstanceOf(AuthorizerOutcome.Failed.class,
        PolicyEvaluation.evaluate("{\"principalId\":".getBytes(StandardCharsets.UTF_8), ARN));
  }

  @Test
  void matches_wildcards_matchAsIamDoes() {
    assertTrue(PolicyEvaluation.matches("arn:aws:execute-api:*:*:local/*/GET/*", ARN));
    assertTrue(PolicyEvaluation.matches("arn:aws:execute-api:us-east-?:000000000000:local/local/GET/evaluations", ARN));
    assertFalse(PolicyEvaluation.matches("arn:aws:execute-api:*:*:local/*/POST/*", ARN));
    assertFalse(PolicyEvaluation.matches("arn:aws:execute-api:us-east-1:000000000000:local/local/GET/evaluation.", ARN + "x"));
  }
}
