package io.evaljobs.local.gateway;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's answer for one method ARN as API Gateway does: an explicit Deny statement wins, then an
 * Allow statement whose resource (with '*' and '?' wildcards) matches the ARN; anything else denies.
 */
final class PolicyEvaluation {
  private PolicyEvaluation() {}

  static AuthorizerOutcome evaluate(byte[] answer, String methodArn) {
    Optional<IamPolicyResponse> read = LambdaEvents.policy(answer);
    if (read.isEmpty()) {
      return new AuthorizerOutcome.Failed("authorizer answer is not a policy");
    }
    IamPolicyResponse policy = read.get();
    if (policy.getPrincipalId() == null) {
      return new AuthorizerOutcome.Failed("authorizer answer has no principalId");
    }
    boolean allowed = false;
    for (Statement statement : statementsOf(policy)) {
      String effect = statement.effect();
      boolean matches = statement.resources().stream().anyMatch(resource -> matches(resource, methodArn));
      if (matches && effect.equalsIgnoreCase("Deny")) {
        return new AuthorizerOutcome.Denied();
      }
      allowed |= matches && effect.equalsIgnoreCase("Allow");
    }
    if (!allowed) {
      return new AuthorizerOutcome.Denied();
    }
    Map<String, String> context = new LinkedHashMap<>();
    if (policy.getContext() != null) {
      // API Gateway hands the backend only text, number and boolean values.
      policy.getContext().forEach((name, value) -> {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
          context.put(name, String.valueOf(value));
        }
      });
    }
    context.put("principalId", policy.getPrincipalId());
    return new AuthorizerOutcome.Allowed(context);
  }

  private record Statement(String effect, List<String> resources) {}

  /** The statements as the type's getter gives them, the way they are written: maps, with arrays of resources. */
  private static List<Statement> statementsOf(IamPolicyResponse policy) {
    Map<String, Object> document;
    try {
      document = policy.getPolicyDocument();
    } catch (RuntimeException noDocument) {
      return List.of();
    }
    List<Statement> statements = new ArrayList<>();
    if (document.get("Statement") instanceof Object[] written) {
      for (Object entry : written) {
        if (entry instanceof Map<?, ?> statement) {
          List<String> resources = new ArrayList<>();
          if (statement.get("Resource") instanceof Object[] values) {
            for (Object value : values) {
              if (value instanceof String resource) {
                resources.add(resource);
              }
            }
          }
          Object effect = statement.get("Effect");
          statements.add(new Statement(effect instanceof String e ? e : "", resources));
        }
      }
    }
    return statements;
  }

  static boolean matches(String resource, String methodArn) {
    StringBuilder regex = new StringBuilder();
    for (char c : resource.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), methodArn);
  }
}
