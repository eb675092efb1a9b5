package io.evaljobs.evaluations;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.priming.CannedHttpClient;
import io.evaljobs.priming.CannedQueryResponse;
import io.evaljobs.priming.LazyPrimer;
import io.evaljobs.priming.PrimingRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Primes the path of a full page, which the real table cannot give a tenant that owns nothing: the same handler
 * over a DynamoDB client whose every answer is a page of synthetic jobs, so that unmarshalling items, writing them
 * and sealing a next token are compiled before the snapshot. No request leaves the process.
 */
final class CannedPagePrimer {
  private static final String TENANT = "evaljobs-snapstart-priming";

  private CannedPagePrimer() {}

  /** A primer sending a first-page request through the handler over the canned page, built at the checkpoint. */
  static LazyPrimer of(Map<String, String> env) {
    return new LazyPrimer(() -> new PrimingRequests(handler(env), List.of(event())));
  }

  /** {@code env}: the function's environment, for its page token keys and log level. */
  static ListEvaluationsHandler handler(Map<String, String> env) {
    return new ListEvaluationsHandler(
        DynamoDbClients.withHttpClient(new CannedHttpClient(CannedQueryResponse.of(items()))),
        TENANT, TENANT, DeployedPageTokens.fromEnvironment(env, ListEvaluationsHandler.ENDPOINT),
        ListEvaluationsParameters.MAX_LIMIT, RequestLogLine.fromEnvironment(env));
  }

  static String event() {
    GatewayCall call =
        GatewayCall.of("GET", "/evaluations").withHeader("Host", "priming.invalid")
            .withQueryParameter("limit", "25");
    return LambdaJson.toJson(call.proxyEvent(Map.of("organization", TENANT, "principalId", "priming")));
  }

  /** One more job than the primed page holds, so the page has a next token to seal. */
  private static List<Map<String, AttributeValue>> items() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 26; i++) {
      EvaluationJob job =
          new EvaluationJob(
              "priming-" + i, EvaluationStatus.COMPLETED, OptionalLong.of(100), OptionalLong.of(100),
              OptionalLong.of(0), Optional.of(Percentage.of(100)), Optional.of("priming-judge"), Optional.of("Priming judge"),
              created.plusSeconds(i), Optional.of(created.plusSeconds(i + 1)), Optional.of(created.plusSeconds(i + 60)),
              Optional.of(created.plusSeconds(i + 60)), Optional.of("normal"));
      items.add(EvaluationTable.toItem(TENANT, job));
    }
    return items;
  }
}
