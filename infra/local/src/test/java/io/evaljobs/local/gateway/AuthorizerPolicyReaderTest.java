package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerPolicyReaderTest {
  private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:local/local/GET/evaluations";

  private static byte[] policy(String effect, String resource) {
    return ("{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"" + effect
            + "\",\"Resource\":\"" + resource + "\"}]},\"context\":{\"organization\":\"acme\",\"n\":3}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void evaluate_allowForTheMethod_givesContextWithPrincipal() {
    AuthorizerOutcome outcome = AuthorizerPolicyReader.evaluate(policy("Allow", ARN), ARN);
    assertEquals(new AuthorizerOutcome.Allowed(Map.of("organization", "acme", "n", "3", "principalId", "p")), outcome);
  }

  @Test
  void evaluate_denyOrAllowForAnotherMethod_denies() {
    assertInstanceOf(AuthorizerOutcome.Denied.class, AuthorizerPolicyReader.evaluate(policy("Deny", ARN), ARN));
    assertInstanceOf(AuthorizerOutcome.Denied.class,
        AuthorizerPolicyReader.evaluate(policy("Allow", ARN.replace("evaluations", "other")), ARN));
  }

  @Test
  void evaluate_notAPolicy_fails() {
    assertInstanceOf(AuthorizerOutcome.Failed.class,
        AuthorizerPolicyReader.evaluate("[]".getBytes(StandardCharsets.UTF_8), ARN));
    assertInstanceOf(AuthorizerOutcome.Failed.class,
        AuthorizerPolicyReader.evaluate("{\"policyDocument\":{}}".getBytes(StandardCharsets.UTF_8), ARN));
  }

  @Test
  void matches_wildcards_matchAsIamDoes() {
    assertTrue(AuthorizerPolicyReader.matches("arn:aws:execute-api:*:*:local/*/GET/*", ARN));
    assertTrue(AuthorizerPolicyReader.matches("arn:aws:execute-api:us-east-?:000000000000:local/local/GET/evaluations", ARN));
    assertFalse(AuthorizerPolicyReader.matches("arn:aws:execute-api:*:*:local/*/POST/*", ARN));
    assertFalse(AuthorizerPolicyReader.matches("arn:aws:execute-api:us-east-1:000000000000:local/local/GET/evaluation.", ARN + "x"));
  }
}
