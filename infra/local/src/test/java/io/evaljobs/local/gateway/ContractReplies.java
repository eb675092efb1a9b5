package io.evaljobs.local.gateway;

import io.evaljobs.auth.ApiName;
import io.evaljobs.contract.ContractValidator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks what the local API answers against the OpenAPI document of the API the path belongs to. */
public final class ContractReplies {
  private ContractReplies() {}

  /** Throws {@link AssertionError} when the answer to a request for {@code path} departs from its API's contract. */
  public static void assertValid(String path, int status, Map<String, List<String>> headers, String body) {
    Map<String, String> joined = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> joined.merge(name, String.join(", ", values), (a, b) -> a + ", " + b));
    validatorFor(path).assertValid(status, joined, body);
  }

  static void assertValid(IncomingRequest request, GatewayReply reply) {
    assertValid(request.path(), reply.statusCode(), reply.headers(), reply.bodyText());
  }

  private static ContractValidator validatorFor(String path) {
    return ApiGateway.apiFor(path) == ApiName.SCORING
        ? ContractValidator.scoringJobs()
        : ContractValidator.evaluations();
  }
}
