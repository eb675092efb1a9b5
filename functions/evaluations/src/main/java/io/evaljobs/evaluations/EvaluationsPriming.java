package io.evaljobs.evaluations;

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
final class EvaluationsPriming {
  private static final String TENANT = "evaljobs-snapstart-priming";
  private static final Map<String, String> AUTHORIZER = Map.of(Tenant.ORGANIZATION, TENANT, "principalId", "priming");

  private EvaluationsPriming() {}

  static void register(ListEvaluationsHandler handler, Environment env) {
    SnapStartPriming.register(new LazyPrimer(() -> new PrimingRequests(handler, events())));
    SnapStartPriming.register(cannedPagePrimer(env, RequestLogLine.fromEnvironment(env)));
  }

  /** Listings of a tenant that owns nothing, one per kind of plan, and a forged token. */
  static List<String> events() {
    GatewayCall call = GatewayCall.of("GET", "/evaluations").withHeader("Host", "priming.invalid");
    return List.of(
        LambdaJson.toJson(call.proxyEvent(AUTHORIZER)),
        LambdaJson.toJson(
            call.withQueryParameter("status", "completed")
                .withQueryParameter("judge_id", "priming")
                .withQueryParameter("created_after", "2024-01-01T00:00:00Z")
                .withQueryParameter("sort_by", "completed_at")
                .withQueryParameter("sort_order", "asc")
                .withQueryParameter("offset", "5")
                .proxyEvent(AUTHORIZER)),
        LambdaJson.toJson(call.withQueryParameter("offset", PrimingRequests.FORGED_PAGE_TOKEN).proxyEvent(AUTHORIZER)));
  }

  /**
   * The path of a full page, which the real table cannot give a tenant that owns nothing: the same handler over a
   * DynamoDB client whose every answer is a page of synthetic jobs, so that unmarshalling items, writing them and
   * sealing a next token are compiled too. No request leaves the process.
   */
  static LazyPrimer cannedPagePrimer(Environment env, RequestLogLine requestLog) {
    return new LazyPrimer(() -> new PrimingRequests(cannedPageHandler(env, requestLog), List.of(cannedPageEvent())));
  }

  /** {@code env}: the function's environment, for its page token keys. */
  static ListEvaluationsHandler cannedPageHandler(Environment env, RequestLogLine requestLog) {
    return new ListEvaluationsHandler(
        DynamoDbClients.withHttpClient(new CannedHttpClient(CannedQueryResponse.of(cannedJobs()))),
        TENANT, TENANT, DeployedPageTokens.fromEnvironment(env, EvaluationsEndpoint.NAME),
        EvaluationQueryParser.MAX_LIMIT, requestLog);
  }

  static String cannedPageEvent() {
    GatewayCall call =
        GatewayCall.of("GET", "/evaluations").withHeader("Host", "priming.invalid").withQueryParameter("limit", "25");
    return LambdaJson.toJson(call.proxyEvent(AUTHORIZER));
  }

  /** One more job than the primed page holds, so the page has a next token to seal. */
  private static List<Map<String, AttributeValue>> cannedJobs() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 26; i++) {
      EvaluationJob job =
          EvaluationJob.builder()
              .jobId("priming-" + i)
              .status(EvaluationStatus.COMPLETED)
              .totalItems(OptionalLong.of(100))
              .processedItems(OptionalLong.of(100))
              .failedItems(OptionalLong.of(0))
              .progressPercentage(Optional.of(Percentage.of(100)))
              .judgeId(Optional.of("priming-judge"))
              .judgeName(Optional.of("Priming judge"))
              .createdAt(created.plusSeconds(i))
              .startedAt(Optional.of(created.plusSeconds(i + 1)))
              .completedAt(Optional.of(created.plusSeconds(i + 60)))
              .estimatedCompletionTime(Optional.of(created.plusSeconds(i + 60)))
              .priority(Optional.of("normal"))
              .build();
      items.add(EvaluationTable.toItem(TENANT, job));
    }
    return items;
  }
}
