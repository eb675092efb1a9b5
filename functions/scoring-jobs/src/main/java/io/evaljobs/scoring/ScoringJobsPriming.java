package io.evaljobs.scoring;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.Environment;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.priming.CannedHttpClient;
import io.evaljobs.priming.CannedQueryResponse;
import io.evaljobs.priming.LazyPrimer;
import io.evaljobs.priming.PrimingRequests;
import io.evaljobs.priming.SnapStartPriming;
import io.evaljobs.tenant.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the function sends through itself before a SnapStart snapshot, so that the request path is loaded and
 * compiled: reads only, and no one's data. Both primers are built at the first checkpoint.
 */
final class ScoringJobsPriming {
  private static final String CUSTOMER = "evaljobs-snapstart-priming";
  private static final String PROJECT = "priming";
  private static final Map<String, String> AUTHORIZER =
      Map.of(Tenant.CUSTOMER_ID, CUSTOMER, Tenant.PROJECT_ID, PROJECT, "principalId", "priming");

  private ScoringJobsPriming() {}

  static void register(ListScoringJobsHandler handler, Environment env) {
    SnapStartPriming.register(new LazyPrimer(() -> new PrimingRequests(handler, events())));
    SnapStartPriming.register(cannedPagePrimer(env, RequestLogLine.fromEnvironment(env)));
  }

  /** Listings of a tenant that owns nothing, on the broad and a selective index, and a forged token. */
  static List<String> events() {
    GatewayCall call = GatewayCall.of("GET", "/v2/confidence-scoring/jobs").withHeader("Host", "priming.invalid");
    return List.of(
        LambdaJson.toJson(call.proxyEvent(AUTHORIZER)),
        LambdaJson.toJson(
            call.withQueryParameter("agent_name", "priming").withQueryParameter("tool_execution_id", "priming")
                .proxyEvent(AUTHORIZER)),
        LambdaJson.toJson(call.withQueryParameter("offset", PrimingRequests.FORGED_PAGE_TOKEN).proxyEvent(AUTHORIZER)));
  }

  /**
   * The path of a full page, which the real table cannot give a tenant that owns nothing: the same handler over a
   * DynamoDB client whose every answer is a page of synthetic jobs of the priming tenant, so that unmarshalling
   * items, writing them and the next-page link are compiled too. No request leaves the process.
   */
  static LazyPrimer cannedPagePrimer(Environment env, RequestLogLine requestLog) {
    return new LazyPrimer(() -> new PrimingRequests(cannedPageHandler(env, requestLog), List.of(cannedPageEvent())));
  }

  /** {@code env}: the function's environment, for its page token keys. */
  static ListScoringJobsHandler cannedPageHandler(Environment env, RequestLogLine requestLog) {
    return new ListScoringJobsHandler(
        DynamoDbClients.withHttpClient(new CannedHttpClient(CannedQueryResponse.of(cannedJobs()))),
        CUSTOMER, DeployedPageTokens.fromEnvironment(env, ScoringJobsEndpoint.NAME), ScoringJobQuery.MAX_LIMIT,
        requestLog);
  }

  static String cannedPageEvent() {
    GatewayCall call =
        GatewayCall.of("GET", "/v2/confidence-scoring/jobs")
            .withHeader("Host", "priming.invalid")
            .withQueryParameter("limit", "50");
    return LambdaJson.toJson(call.proxyEvent(AUTHORIZER));
  }

  /** One more job than the primed page of 50 holds, so the page links to a next one. */
  private static List<Map<String, AttributeValue>> cannedJobs() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 51; i++) {
      AgentIdentityContext identity =
          AgentIdentityContext.builder(CUSTOMER, PROJECT)
              .agentName(Optional.of("priming-agent"))
              .agentVersion(Optional.of("1"))
              .agentSessionId(Optional.of("session-" + i))
              .agentTurn(OptionalLong.of(i))
              .build();
      ScoringJob job =
          new ScoringJob("priming-" + i, identity, "correctness", ScoringStatus.COMPLETED,
              Optional.of(new Score("0.75")), Optional.of("priming"), created.plusSeconds(i));
      items.add(ScoringJobTable.toItem(job));
    }
    return items;
  }
}
