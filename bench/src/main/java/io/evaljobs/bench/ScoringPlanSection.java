package io.evaljobs.bench;

import io.evaljobs.cli.batch.BatchOutcome;
import io.evaljobs.cli.batch.BatchWriter;
import io.evaljobs.lambda.Environment;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateDocument;
import io.evaljobs.tables.TemplateTables;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Section 10: the scoring listing's plans on skewed data ({@link SkewedScoringJobs}), every shape paged through by
 * its tokens as a client would: pages needed for n jobs against ⌈n/limit⌉, items read per job returned (all pages,
 * and the median page), DynamoDB requests and items per response, and page 1 against the deepest page reached. Also
 * the issue's own case: a rare AND of two common values, 20 of 20,000 jobs, at limit 5.
 */
final class ScoringPlanSection {
  static final String SECTION = "10";
  static final String CUSTOMER = "cust_skew";
  static final String LARGE_PROJECT = "proj_skew";
  static final String SMALL_PROJECT = "proj_skew_20k";
  static final int SMALL_JOBS = 20_000;
  /** A walk stops once this many jobs came back: enough pages to see depth without paging 200,000 jobs by 50. */
  private static final int WALK_JOBS = 5_000;
  private static final int REPETITIONS = 5;
  private static final String PATH = "/v2/confidence-scoring/jobs";
  private static final long SEED = 20261206L;

  private final MeasuredHandler scoring;
  private final ResultTable table;
  private final int largeJobs;

  ScoringPlanSection(MeasuredHandler scoring, ResultTable table, int largeJobs) {
    this.scoring = scoring;
    this.table = table;
    this.largeJobs = largeJobs;
  }

  /** Writes the section's two projects into the scoring table; returns the items written. */
  static long load(DynamoDbClient dynamo, String scoringTable, int largeJobs) {
    try (BatchWriter writer = BatchWriter.forTable(dynamo, scoringTable, BatchOutcome.IGNORE)) {
      SkewedScoringJobs large = new SkewedScoringJobs(SEED, largeJobs);
      for (int i = 0; i < largeJobs; i++) {
        writer.put(i, ScoringJobTable.toItem(large.job(CUSTOMER, LARGE_PROJECT, i)));
      }
      SkewedScoringJobs small = new SkewedScoringJobs(SEED + 1, SMALL_JOBS);
      for (int i = 0; i < SMALL_JOBS; i++) {
        writer.put(largeJobs + i, ScoringJobTable.toItem(small.job(CUSTOMER, SMALL_PROJECT, i)));
      }
      writer.flush();
      if (writer.failedCount() > 0 || writer.writtenCount() != largeJobs + SMALL_JOBS) {
        throw new IllegalStateException("skewed scoring jobs: wrote " + writer.writtenCount() + ", "
            + writer.failedCount() + " failed");
      }
      return writer.writtenCount();
    }
  }

  /** Query shapes on the large skewed project, each with the page size it is walked at (empty: no limit). */
  static Map<String, Shape> shapes(int largeJobs) {
    String project = LARGE_PROJECT;
    Map<String, Shape> shapes = new LinkedHashMap<>();
    shapes.put("no filter", new Shape(Map.of(), Optional.of(50)));
    shapes.put("no filter, no limit", new Shape(Map.of(), Optional.empty()));
    shapes.put("agent_name (half the jobs)", new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT), Optional.of(50)));
    shapes.put("tool_id (half the jobs)", new Shape(Map.of("tool_id", SkewedScoringJobs.TOOL), Optional.of(50)));
    shapes.put("agent_session_id (10 jobs)",
        new Shape(Map.of("agent_session_id", SkewedScoringJobs.session(project, largeJobs / 2)), Optional.of(50)));
    shapes.put("tool_execution_id (1 job)",
        new Shape(Map.of("tool_execution_id", SkewedScoringJobs.execution(project, 777)), Optional.of(50)));
    shapes.put("agent_name + agent_version (a quarter of the jobs)",
        new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT, "agent_version", SkewedScoringJobs.VERSION),
            Optional.of(50)));
    shapes.put("agent_name + agent_version, no limit",
        new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT, "agent_version", SkewedScoringJobs.VERSION),
            Optional.empty()));
    shapes.put("agent_name + tool_id (rare AND of common values, in stretches)",
        new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT, "tool_id", SkewedScoringJobs.TOOL), Optional.of(5)));
    shapes.put("agent_version + agent_workflow_name (rare AND of common values, interleaved)",
        new Shape(Map.of("agent_version", SkewedScoringJobs.VERSION, "agent_workflow_name", SkewedScoringJobs.WORKFLOW),
            Optional.of(5)));
    shapes.put("agent_name + tool_id + agent_workflow_version (rare, three filters)",
        new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT, "tool_id", SkewedScoringJobs.TOOL,
            "agent_workflow_version", "wv-1"), Optional.of(5)));
    return shapes;
  }

  void addRows() {
    Walk issue =
        walk(SMALL_PROJECT, new Shape(Map.of("agent_name", SkewedScoringJobs.AGENT, "tool_id", SkewedScoringJobs.TOOL),
            Optional.of(5)), Integer.MAX_VALUE);
    table.add(SECTION, "scoring, rare AND of two common values: " + Format.count(issue.returned()) + " of "
            + Format.count(SMALL_JOBS) + " jobs, limit=5",
        issue.responses() + " responses (⌈n/limit⌉ = " + issue.idealPages(5) + "), at most "
            + Format.count(issue.maxItems()) + " items and " + issue.maxRequests() + " requests per response",
        "<= 8 responses; <= 4,000 items per response");
    for (Map.Entry<String, Shape> shape : shapes(largeJobs).entrySet()) {
      Walk walk = walk(LARGE_PROJECT, shape.getValue(), WALK_JOBS);
      int pageSize = shape.getValue().limit().orElse(2_000);
      MeasuredHandler.Repeated first = scoring.repeat(event(LARGE_PROJECT, shape.getValue().query()), REPETITIONS);
      MeasuredHandler.Repeated deep = scoring.repeat(event(LARGE_PROJECT, walk.deepestQuery()), REPETITIONS);
      String value =
          Format.count(walk.returned()) + " jobs in " + walk.responses() + " pages (⌈n/limit⌉ = "
              + walk.idealPages(pageSize) + (walk.complete() ? "" : ", walk stopped there") + "); items read per job "
              + Format.ratio(walk.itemsPerJob()) + " overall, " + Format.ratio(walk.medianItemsPerJob())
              + " median page; requests per page median " + Format.decimal(walk.medianRequests()) + ", max "
              + walk.maxRequests() + "; items per page max " + Format.count(walk.maxItems())
              + "; p50 page 1 " + Format.millis(first.latency().median()) + ", page " + walk.responses() + " "
              + Format.millis(deep.latency().median());
      String target =
          shape.getValue().query().size() == 1 ? "<= 2 items/job; <= 4,000 items per response"
              : "<= 20 items/job (median page) for the worst shape; <= 4,000 items per response";
      table.add(SECTION, "scoring plan, " + shape.getKey() + " (limit " + shape.getValue().limit().map(String::valueOf)
          .orElse("none") + ")", value, shape.getValue().query().isEmpty() ? "<= 2 items/job" : target);
    }
  }

  /** Pages through one listing by its tokens until it ends or {@code maxJobs} came back. */
  private Walk walk(String project, Shape shape, int maxJobs) {
    Map<String, String> query = new LinkedHashMap<>(shape.query());
    List<QueryCounter.Totals> pages = new ArrayList<>();
    List<Integer> returned = new ArrayList<>();
    Map<String, String> last = query;
    Optional<String> token = Optional.empty();
    int total = 0;
    do {
      Map<String, String> sent = new LinkedHashMap<>(shape.query());
      token.ifPresent(t -> sent.put("offset", t));
      last = sent;
      MeasuredHandler.Invocation page = scoring.invoke(event(project, sent));
      pages.add(page.reads().items());
      returned.add(page.response().jobs());
      total += page.response().jobs();
      token = page.response().nextLinkOffset();
    } while (token.isPresent() && total < maxJobs);
    return new Walk(pages, returned, last, token.isEmpty());
  }

  private static byte[] event(String project, Map<String, String> query) {
    return ProxyEvents.get(PATH, query, Map.of("customer_id", CUSTOMER, "project_id", project));
  }

  /** A listing's filters and its limit; the limit is part of {@link #query()} when present. */
  record Shape(Map<String, String> filters, Optional<Integer> limit) {
    Map<String, String> query() {
      Map<String, String> query = new LinkedHashMap<>(filters);
      limit.ifPresent(l -> query.put("limit", Integer.toString(l)));
      return query;
    }
  }

  /** What each page of one walk read and returned, and the query of its last page. */
  record Walk(List<QueryCounter.Totals> pages, List<Integer> returnedPerPage, Map<String, String> deepestQuery,
      boolean complete) {
    int responses() {
      return pages.size();
    }

    int returned() {
      return returnedPerPage.stream().mapToInt(Integer::intValue).sum();
    }

    int idealPages(int limit) {
      return Math.max(1, (returned() + limit - 1) / limit);
    }

    double itemsPerJob() {
      return (double) pages.stream().mapToLong(QueryCounter.Totals::scanned).sum() / Math.max(1, returned());
    }

    /** Over the pages that returned jobs; a page that returned none counts its items against one job. */
    double medianItemsPerJob() {
      long[] ratios = new long[pages.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = Math.round(100.0 * pages.get(i).scanned() / Math.max(1, returnedPerPage.get(i)));
      }
      return Samples.of(ratios).median() / 100.0;
    }

    double medianRequests() {
      return Samples.of(pages.stream().mapToLong(QueryCounter.Totals::requests).toArray()).median();
    }

    long maxRequests() {
      return pages.stream().mapToLong(QueryCounter.Totals::requests).max().orElse(0);
    }

    long maxItems() {
      return pages.stream().mapToLong(QueryCounter.Totals::scanned).max().orElse(0);
    }
  }

  /**
   * This section alone, for a quick look: {@code java -cp bench/target/evaljobs-bench.jar
   * io.evaljobs.bench.ScoringPlanSection [large project jobs]} from the repository root. Prints the rows; writes no
   * document.
   */
  public static void main(String[] args) throws Exception {
    int largeJobs = args.length > 0 ? Integer.parseInt(args[0]) : BenchmarkOptions.FULL_LARGE_TENANT;
    try (DynamoDbLocalServer dynamoLocal = DynamoDbLocalServer.start(0)) {
      QueryCounter counter = new QueryCounter("none");
      try (DynamoDbClient admin = client(dynamoLocal, Optional.empty());
          DynamoDbClient counted = client(dynamoLocal, Optional.of(counter))) {
        TemplateTables tables = TemplateTables.from(TemplateDocument.load(Path.of("template.yaml")));
        String scoringTable =
            TableProvisioner.createAll(admin, tables, id -> "plans-" + id).get(ScoringJobTable.LOGICAL_ID);
        long started = System.nanoTime();
        long items = load(admin, scoringTable, largeJobs);
        System.err.println("[bench] loaded " + items + " items in " + (System.nanoTime() - started) / 1_000_000_000
            + " s");
        PageTokens tokens =
            DeployedPageTokens.fromEnvironment(
                new Environment(Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("bench", new SecureRandom()))),
                "scoring-jobs");
        ResultTable table = new ResultTable();
        new ScoringPlanSection(
                new MeasuredHandler(new ListScoringJobsHandler(counted, scoringTable, tokens), counter), table,
                largeJobs)
            .addRows();
        System.out.println(table.toMarkdown());
      }
    }
  }

  private static DynamoDbClient client(DynamoDbLocalServer dynamoLocal, Optional<QueryCounter> counter) {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(dynamoLocal.endpoint())
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(c -> counter.ifPresent(c::addExecutionInterceptor))
        .build();
  }
}
