package io.evaljobs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Section 9: evaluations listings walked as clients walk them, by integer offsets and by tokens, on the large
 * organization: whether every page is full, what each page read, and what a deep integer offset costs against the
 * first page.
 */
final class EvaluationPagingSection {
  private static final int LIMIT = 25;
  /** Enough pages to see a plan's steady cost; a walk stops earlier at the listing's end. */
  private static final int PAGES = 20;
  private static final int REPETITIONS = 5;

  private final MeasuredHandler evaluations;
  private final ResultTable table;
  private final int largeTenantJobs;

  EvaluationPagingSection(MeasuredHandler evaluations, ResultTable table, int largeTenantJobs) {
    this.evaluations = evaluations;
    this.table = table;
    this.largeTenantJobs = largeTenantJobs;
  }

  /** Shapes over the large organization's creation span: narrow and wide ranges, every kind of plan. */
  Map<String, Map<String, String>> shapes() {
    Map<String, Map<String, String>> shapes = new LinkedHashMap<>();
    shapes.put("no filter", Map.of());
    shapes.put("status=failed", Map.of("status", "failed"));
    shapes.put("no filter, sort_by=total_items asc", Map.of("sort_by", "total_items", "sort_order", "asc"));
    shapes.put("one day, sort_by=total_items", range(0.5, Duration.ofDays(1), "total_items", "desc"));
    shapes.put("one week, sort_by=completed_at asc", range(0.5, Duration.ofDays(7), "completed_at", "asc"));
    Map<String, String> failedWeek = new LinkedHashMap<>(range(0.3, Duration.ofDays(7), "progress_percentage", "desc"));
    failedWeek.put("status", "failed");
    shapes.put("one week, status=failed, sort_by=progress_percentage", failedWeek);
    Duration tenth = EvaluationJobs.SPACING.multipliedBy(largeTenantJobs / 10);
    shapes.put("middle tenth, sort_by=total_items", range(0.45, tenth, "total_items", "desc"));
    shapes.put("middle tenth, sort_by=completed_at", range(0.45, tenth, "completed_at", "desc"));
    return shapes;
  }

  void addRows() {
    for (Map.Entry<String, Map<String, String>> shape : shapes().entrySet()) {
      table.add("9", "evaluations, " + shape.getKey() + ", integer offsets", walk(shape.getValue(), false), "0 short pages");
      table.add("9", "evaluations, " + shape.getKey() + ", tokens", walk(shape.getValue(), true), "0 short pages");
    }
    depth();
  }

  /** Up to {@link #PAGES} pages of one listing; a refusal (400) ends the walk and is reported. */
  private String walk(Map<String, String> shape, boolean byToken) {
    int pages = 0;
    int shortPages = 0;
    long returned = 0;
    long maxItems = 0;
    long maxRequests = 0;
    double capacity = 0;
    List<Long> perJob = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    Optional<String> token = Optional.empty();
    boolean more = true;
    while (more && pages < PAGES) {
      Map<String, String> query = new LinkedHashMap<>(shape);
      query.put("limit", Integer.toString(LIMIT));
      query.put("offset", byToken ? token.orElse("0") : Long.toString((long) pages * LIMIT));
      MeasuredHandler.Invocation page = evaluations.answer(ReadCostSections.evaluationEvent(query));
      if (page.response().status() != 200) {
        refused = Optional.of("HTTP " + page.response().status() + " at page " + (pages + 1));
        break;
      }
      pages++;
      int jobs = page.response().jobs();
      returned += jobs;
      QueryCounter.Totals reads = page.reads().all();
      maxItems = Math.max(maxItems, reads.scanned());
      maxRequests = Math.max(maxRequests, reads.requests());
      capacity += reads.capacity();
      if (jobs > 0) {
        perJob.add(Math.round(100.0 * reads.scanned() / jobs));
      }
      token = page.response().nextOffset();
      more = token.isPresent();
      if (more && jobs < LIMIT) {
        shortPages++;
      }
    }
    long needed = (returned + LIMIT - 1) / LIMIT;
    String medianPerJob =
        perJob.isEmpty() ? "-" : Format.ratio(Samples.of(perJob.stream().mapToLong(Long::longValue).toArray()).median() / 100);
    return returned + " jobs in " + pages + " pages (" + needed + " needed), " + shortPages + " short; median "
        + medianPerJob + " items read/job, max " + Format.count(maxItems) + " items and " + maxRequests
        + " requests/page, " + (pages == 0 ? "-" : Format.decimal(capacity / pages)) + " RCU/page"
        + refused.map(r -> "; " + r).orElse("");
  }

  /** Page 1 against an integer offset deep in the default order (found by the counters) and a token page there. */
  private void depth() {
    long deep = Math.min(50_000, largeTenantJobs / 2L);
    MeasuredHandler.Repeated first =
        evaluations.repeat(ReadCostSections.evaluationEvent(Map.of("limit", Integer.toString(LIMIT))), REPETITIONS);
    MeasuredHandler.Repeated atOffset =
        evaluations.repeat(
            ReadCostSections.evaluationEvent(Map.of("limit", Integer.toString(LIMIT), "offset", Long.toString(deep))),
            REPETITIONS);
    String token = atOffset.last().response().nextOffset().orElseThrow();
    MeasuredHandler.Repeated byToken =
        evaluations.repeat(
            ReadCostSections.evaluationEvent(Map.of("limit", Integer.toString(LIMIT), "offset", token)), REPETITIONS);
    table.add("9", "evaluations, page 1 (default order)", describe(first), "");
    table.add("9", "evaluations, integer offset " + Format.count(deep) + " (default order)", describe(atOffset), "");
    table.add("9", "evaluations, token page after offset " + Format.count(deep), describe(byToken), "");
    table.add(
        "9",
        "integer offset " + Format.count(deep) + " / page 1 (median latency)",
        Format.ratio(atOffset.latency().median() / first.latency().median()),
        "<= 1.5x");
  }

  private static String describe(MeasuredHandler.Repeated repeated) {
    QueryCounter.Snapshot reads = repeated.last().reads();
    return "p50 " + Format.millis(repeated.latency().median()) + ", " + reads.all().requests() + " requests, "
        + Format.count(reads.all().scanned()) + " items read, " + Format.decimal(reads.all().capacity()) + " RCU";
  }

  /** A creation range of {@code span} starting {@code at} (a fraction) into the large organization's history. */
  private Map<String, String> range(double at, Duration span, String sortBy, String order) {
    Duration history = EvaluationJobs.SPACING.multipliedBy(largeTenantJobs);
    Instant after = EvaluationJobs.FIRST_CREATED.plus(Duration.ofSeconds((long) (history.toSeconds() * at)));
    Instant before = after.plus(span);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("created_after", after.toString());
    out.put("created_before", before.toString());
    out.put("sort_by", sortBy);
    out.put("sort_order", order);
    return out;
  }
}
