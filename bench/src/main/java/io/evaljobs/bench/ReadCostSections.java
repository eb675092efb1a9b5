package io.evaljobs.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sections 4 to 6, measured in this JVM through a counting client: read amplification per query shape, the cost of
 * deep pages, and the cost of total_count.
 */
final class ReadCostSections {
  private static final int REPETITIONS = 5;
  /** How far a short page's tokens are followed: 200 pages of at most 2,000 items each cover the large tenant. */
  private static final int MAX_PAGES_FOLLOWED = 200;
  private static final String EVALUATIONS_PATH = "/evaluations";
  private static final String SCORING_PATH = "/v2/confidence-scoring/jobs";

  private final MeasuredHandler evaluations;
  private final MeasuredHandler scoring;
  private final ResultTable table;
  private final int largeTenantJobs;

  ReadCostSections(MeasuredHandler evaluations, MeasuredHandler scoring, ResultTable table, int largeTenantJobs) {
    this.evaluations = evaluations;
    this.scoring = scoring;
    this.table = table;
    this.largeTenantJobs = largeTenantJobs;
  }

  /** Query shapes of the evaluations access-pattern table, on the large organization. */
  static Map<String, Map<String, String>> evaluationShapes(int largeTenantJobs) {
    Map<String, Map<String, String>> shapes = new LinkedHashMap<>();
    shapes.put("no filter", Map.of());
    shapes.put("no filter, sort_by=completed_at", Map.of("sort_by", "completed_at"));
    shapes.put("status=failed", Map.of("status", "failed"));
    shapes.put("judge_id=" + EvaluationJobs.judge(5), Map.of("judge_id", EvaluationJobs.judge(5)));
    shapes.put(
        "status=failed + judge_id=" + EvaluationJobs.judge(5),
        Map.of("status", "failed", "judge_id", EvaluationJobs.judge(5)));
    shapes.put("created range, sort_by=created_at", createdRange("created_at", largeTenantJobs));
    shapes.put("created range, sort_by=completed_at", createdRange("completed_at", largeTenantJobs));
    return shapes;
  }

  /** Query shapes of the scoring access-pattern table, on the large project. */
  static Map<String, Map<String, String>> scoringShapes() {
    String project = Tenants.LARGE_PROJECT;
    Map<String, Map<String, String>> shapes = new LinkedHashMap<>();
    shapes.put("no filter", Map.of());
    shapes.put("agent_name (broad)", Map.of("agent_name", ScoringJobs.agentName(2)));
    shapes.put("agent_version (broad)", Map.of("agent_version", ScoringJobs.agentVersion(1)));
    shapes.put("agent_session_id (about 10 jobs)", Map.of("agent_session_id", ScoringJobs.agentSessionId(project, 500)));
    shapes.put("tool_execution_id (1 job)", Map.of("tool_execution_id", ScoringJobs.toolExecutionId(project, 777)));
    shapes.put(
        "agent_name + agent_version (second as filter)",
        Map.of("agent_name", ScoringJobs.agentName(2), "agent_version", ScoringJobs.agentVersion(1)));
    return shapes;
  }

  /** The middle tenth of the large tenant's creation span, whatever its size. */
  private static Map<String, String> createdRange(String sortBy, int largeTenantJobs) {
    java.time.Duration span = EvaluationJobs.SPACING.multipliedBy(largeTenantJobs);
    java.time.Instant after = EvaluationJobs.FIRST_CREATED.plus(span.multipliedBy(45).dividedBy(100));
    java.time.Instant before = EvaluationJobs.FIRST_CREATED.plus(span.multipliedBy(55).dividedBy(100));
    return Map.of("created_after", after.toString(), "created_before", before.toString(), "sort_by", sortBy);
  }

  void readAmplification() {
    for (Map.Entry<String, Map<String, String>> shape : evaluationShapes(largeTenantJobs).entrySet()) {
      Map<String, String> query = new LinkedHashMap<>(shape.getValue());
      query.put("limit", "25");
      amplificationRow(
          "evaluations, " + shape.getKey(), evaluations, ReadCostSections::evaluationEvent, query,
          ProxyResponse::nextOffset);
    }
    for (Map.Entry<String, Map<String, String>> shape : scoringShapes().entrySet()) {
      Map<String, String> query = new LinkedHashMap<>(shape.getValue());
      query.put("limit", "50");
      amplificationRow(
          "scoring, " + shape.getKey(), scoring, ReadCostSections::scoringEvent, query,
          ProxyResponse::nextLinkOffset);
    }
  }

  /**
   * The first page's cost per item returned. A page whose read budget ran out before it was full (a filter the index
   * cannot narrow) is short but carries a next token: then the row also follows the tokens, as a client would, until
   * a full page's worth of jobs has come back or the tokens end, and reports what that whole walk read.
   */
  private void amplificationRow(
      String name,
      MeasuredHandler handler,
      Function<Map<String, String>, byte[]> eventOf,
      Map<String, String> query,
      Function<ProxyResponse, Optional<String>> nextToken) {
    int limit = Integer.parseInt(query.get("limit"));
    MeasuredHandler.Invocation first = handler.answer(eventOf.apply(query));
    if (first.response().status() != 200) {
      QueryCounter.Totals refused = first.reads().items();
      table.add("4", name, "refused (HTTP " + first.response().status() + ", beyond one request's read bound) after "
          + Format.count(refused.scanned()) + " examined in " + refused.requests() + " requests", "");
      return;
    }
    QueryCounter.Totals firstItems = first.reads().items();
    int firstReturned = first.response().jobs();
    StringBuilder value = new StringBuilder();
    value.append(firstReturned).append(" returned, ");
    if (firstReturned > 0) {
      value.append(Format.ratio((double) firstItems.scanned() / firstReturned)).append(" examined/item, ")
          .append(Format.ratio(firstItems.capacity() / firstReturned)).append(" RCU/item, ");
    } else {
      value.append(Format.count(firstItems.scanned())).append(" examined, ")
          .append(Format.decimal(firstItems.capacity())).append(" RCU, ");
    }
    value.append(firstItems.requests()).append(" requests/page");

    Optional<String> token = nextToken.apply(first.response());
    if (firstReturned < limit && token.isPresent()) {
      int pages = 1;
      long returned = firstReturned;
      QueryCounter.Totals walked = firstItems;
      while (returned < limit && token.isPresent() && pages < MAX_PAGES_FOLLOWED) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("offset", token.get());
        MeasuredHandler.Invocation page = handler.invoke(eventOf.apply(next));
        pages++;
        returned += page.response().jobs();
        walked = walked.plus(page.reads().items());
        token = nextToken.apply(page.response());
      }
      value.append("; short page (read budget spent), followed by token to ").append(returned).append(" jobs: ")
          .append(pages).append(" pages, ").append(Format.count(walked.scanned())).append(" examined, ")
          .append(returned == 0 ? "none returned" : Format.ratio((double) walked.scanned() / returned) + " examined/item")
          .append(", ").append(Format.ratio((double) walked.requests() / pages)).append(" requests/page");
      if (returned < limit && token.isPresent()) {
        value.append(" (stopped after ").append(MAX_PAGES_FOLLOWED).append(" pages)");
      }
    }
    table.add("4", name, value.toString(), "<= 1.05 examined/item (single filter)");
  }

  /** The deepest offset reached by token: 10,000, or less when the large tenant is smaller (a --jobs run). */
  void depth(int largeTenantJobs) {
    int depth = Math.min(10_000, (largeTenantJobs - 100) / 100 * 100);
    Map<String, String> firstQuery = Map.of("limit", "25");
    MeasuredHandler.Repeated first = evaluations.repeat(evaluationEvent(firstQuery), REPETITIONS);
    depthRow("page 1 (no token; reads total_count from its counter)", first);

    String token = first.last().response().nextOffset().orElseThrow();
    MeasuredHandler.Repeated second = evaluations.repeat(evaluationEvent(Map.of("limit", "25", "offset", token)), REPETITIONS);
    depthRow("page 2 by token (offset 25)", second);

    // Walk to the offset with the largest page size, then read a 25-item page there by its token.
    String deepToken = evaluations.invoke(evaluationEvent(Map.of("limit", "100"))).response().nextOffset().orElseThrow();
    for (int offset = 100; offset < depth; offset += 100) {
      deepToken =
          evaluations.invoke(evaluationEvent(Map.of("limit", "100", "offset", deepToken))).response().nextOffset()
              .orElseThrow();
    }
    MeasuredHandler.Repeated deep =
        evaluations.repeat(evaluationEvent(Map.of("limit", "25", "offset", deepToken)), REPETITIONS);
    depthRow("page at offset " + Format.count(depth) + " by token", deep);
    table.add(
        "5",
        "token page at " + Format.count(depth) + " / page 1 (median latency)",
        Format.ratio(deep.latency().median() / first.latency().median()),
        "<= 1.2x");
    table.add(
        "5",
        "token page at " + Format.count(depth) + " / token page 2 (median latency)",
        Format.ratio(deep.latency().median() / second.latency().median()),
        "");

    MeasuredHandler.Repeated integer =
        evaluations.repeat(evaluationEvent(Map.of("limit", "25", "offset", "10000")), REPETITIONS);
    depthRow("integer offset=10000 (found by the counters)", integer);
    table.add(
        "5",
        "integer offset 10,000 / page 1 (median latency)",
        Format.ratio(integer.latency().median() / first.latency().median()),
        "<= 1.5x");
  }

  private void depthRow(String name, MeasuredHandler.Repeated repeated) {
    QueryCounter.Snapshot reads = repeated.last().reads();
    table.add(
        "5",
        "evaluations, " + name,
        "p50 " + Format.millis(repeated.latency().median()) + ", " + reads.all().requests() + " requests ("
            + reads.counts().requests() + " COUNT), " + Format.count(reads.all().scanned()) + " examined, "
            + Format.decimal(reads.all().capacity()) + " RCU",
        "");
  }

  void totalCount() {
    for (Map.Entry<String, Map<String, String>> shape : evaluationShapes(largeTenantJobs).entrySet()) {
      Map<String, String> query = new LinkedHashMap<>(shape.getValue());
      query.put("limit", "25");
      int status = evaluations.answer(evaluationEvent(query)).response().status();
      if (status != 200) {
        table.add("6", "total_count, " + shape.getKey(), "refused (HTTP " + status + "): see section 4", "");
        continue;
      }
      MeasuredHandler.Repeated repeated = evaluations.repeat(evaluationEvent(query), 3);
      QueryCounter.Totals counts = repeated.last().reads().counts();
      table.add(
          "6",
          "total_count, " + shape.getKey(),
          "total " + repeated.last().response().totalCount().map(Format::count).orElse("absent") + ": counting "
              + Format.millis(counts.nanos()) + " of page p50 " + Format.millis(repeated.latency().median()) + ", "
              + counts.requests() + " requests, " + Format.count(counts.scanned()) + " examined, "
              + Format.decimal(counts.capacity()) + " RCU",
          "must not grow with the table (counters; once per listing)");
    }
  }

  static byte[] evaluationEvent(Map<String, String> query) {
    return ProxyEvents.get(EVALUATIONS_PATH, query, Map.of("organization", Tenants.LARGE_ORGANIZATION));
  }

  static byte[] scoringEvent(Map<String, String> query) {
    return ProxyEvents.get(
        SCORING_PATH,
        query,
        Map.of("customer_id", Tenants.LARGE_CUSTOMER, "project_id", Tenants.LARGE_PROJECT));
  }
}
