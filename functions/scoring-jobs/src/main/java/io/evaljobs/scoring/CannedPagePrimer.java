package io.evaljobs.scoring;

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
 * over a DynamoDB client whose every answer is a page of synthetic jobs of the priming tenant, so that
 * unmarshalling items, writing them and the next-page link are compiled before the snapshot. No request leaves
 * the process.
 */
final class CannedPagePrimer {
  private static final String CUSTOMER = "evaljobs-snapstart-priming";
  private static final String PROJECT = "priming";

  private CannedPagePrimer() {}

  /** A primer sending a first-page request through the handler over the canned page, built at the checkpoint. */
  static LazyPrimer of(Map<String, String> env) {
    return new LazyPrimer(() -> new PrimingRequests(handler(env), List.of(event())));
  }

  /** {@code env}: the function's environment, for its page token keys and log level. */
  static ListScoringJobsHandler handler(Map<String, String> env) {
    return new ListScoringJobsHandler(
        DynamoDbClients.withHttpClient(new CannedHttpClient(CannedQueryResponse.of(items()))),
        CUSTOMER, DeployedPageTokens.fromEnvironment(env, ListScoringJobsHandler.ENDPOINT), ScoringJobQuery.MAX_LIMIT,
        RequestLogLine.fromEnvironment(env));
  }

  static String event() {
    GatewayCall call =
        GatewayCall.of("GET", "/v2/confidence-scoring/jobs")
            .withHeader("Host", "priming.invalid")
            .withQueryParameter("limit", "50");
    return LambdaJson.toJson(
        call.proxyEvent(Map.of("customer_id", CUSTOMER, "project_id", PROJECT, "principalId", "priming")));
  }

  /** One more job than the primed page of 50 holds, so the page links to a next one. */
  private static List<Map<String, AttributeValue>> items() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 51; i++) {
      AgentIdentityContext identity =
          new AgentIdentityContext(CUSTOMER, PROJECT, Optional.of("priming-agent"), Optional.of("1"),
              Optional.of("session-" + i), OptionalLong.of(i), Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      ScoringJob job =
          new ScoringJob("priming-" + i, identity, "correctness", ScoringStatus.COMPLETED,
              Optional.of(new Score("0.75")), Optional.of("priming"), created.plusSeconds(i));
      items.add(ScoringJobTable.toItem(job));
    }
    return items;
  }
}
