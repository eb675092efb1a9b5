package io.evaljobs.local.gateway;

import java.util.Map;

/** What API Gateway makes of one authorizer invocation. */
sealed interface AuthorizerOutcome {
  /** The policy allows the call; {@code context} already holds the principalId. */
  record Allowed(Map<String, String> context) implements AuthorizerOutcome {
    public Allowed {
      context = Map.copyOf(context);
    }
  }

  /** A policy that does not allow this method. */
  record Denied() implements AuthorizerOutcome {}

  /** The authorizer failed with "Unauthorized". */
  record Unauthorized() implements AuthorizerOutcome {}

  /** The authorizer failed otherwise, or answered something that is not a policy. */
  record Failed(String reason) implements AuthorizerOutcome {}
}
