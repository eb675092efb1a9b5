package io.evaljobs.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.lambda.Environment;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateDocument;
import io.evaljobs.tables.TemplateTables;
import io.evaljobs.tenant.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Cold start, warm latency, read amplification, paging depth, total_count cost and artifact size of the functions,
 * against DynamoDB Local on 127.0.0.1 with a generated dataset. Prints one table and writes it to docs/benchmarks.md
 * (in place of the run there, or below it with --append).
 */
public final class Benchmark {
  private static final String REGION = "us-east-1";
  private static final Pattern EVALUATIONS_KEY = Pattern.compile("\"X-API-Key\"\\s*:\\s*\"([^\"]+)\"");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options);
  }

  private static void run(BenchmarkOptions options) throws Exception {
    long started = System.nanoTime();
    Path repo = options.repository();
    Path template = repo.resolve("template.yaml");
    if (!Files.isRegularFile(template)) {
      throw new IllegalStateException("no template.yaml in " + repo + ": run from the repository root or pass --repo");
    }
    // Described when the run starts: commits made while it runs are not what it measures.
    MachineInfo machine = MachineInfo.describe(repo);
    List<Path> jars = List.of(jar(repo, "evaluations"), jar(repo, "scoring-jobs"), jar(repo, "authorizer"));
    ResultTable table = new ResultTable();
    Tenants tenants = new Tenants(options.largeTenantJobs());

    try (DynamoDbLocalServer dynamoLocal = DynamoDbLocalServer.start(0);
        DynamoDbClient admin = client(dynamoLocal, List.of());
        ScratchDirectory scratch = ScratchDirectory.create("evaljobs-bench")) {
      log("DynamoDB Local on " + dynamoLocal.endpoint());
      TemplateTables tables = TemplateTables.from(TemplateDocument.load(template));
      Map<String, String> names = TableProvisioner.createAll(admin, tables, logicalId -> "bench-" + logicalId);
      String evaluationsTable = names.get(EvaluationTable.LOGICAL_ID);
      String countsTable = names.get(JobCountTable.LOGICAL_ID);
      String scoringTable = names.get(ScoringJobTable.LOGICAL_ID);
      String keysTable = names.get("ApiKeysTable");

      long loadStart = System.nanoTime();
      long items = new DatasetLoader(admin).load(tenants, evaluationsTable, scoringTable);
      Duration loadTime = Duration.ofNanos(System.nanoTime() - loadStart);
      log("loaded " + items + " items in " + loadTime.toSeconds() + " s");
      long countStart = System.nanoTime();
      long streamRecords;
      try (DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(dynamoLocal.endpoint(), REGION);
          EvaluationCountsPoller counts = new EvaluationCountsPoller(admin, streams, evaluationsTable, countsTable)) {
        streamRecords = counts.drain();
      }
      Duration countTime = Duration.ofNanos(System.nanoTime() - countStart);
      log("counted " + streamRecords + " stream records in " + countTime.toSeconds() + " s");
      Path authorizerEvent = repo.resolve("events/authorizer-evaluations.json");
      new ApiKeys(admin, keysTable)
          .createWithSecret(
              ApiName.EVALUATIONS,
              new Tenant.Organization(Tenants.LARGE_ORGANIZATION),
              "benchmark",
              apiKey(authorizerEvent));

      String tokenKeys = TokenKeyring.generateSpec("bench", new SecureRandom());
      Map<String, String> env =
          Map.of(
              "AWS_REGION", REGION,
              "AWS_ACCESS_KEY_ID", "local",
              "AWS_SECRET_ACCESS_KEY", "local",
              "DYNAMODB_ENDPOINT", dynamoLocal.endpoint().toString(),
              "EVALUATIONS_TABLE", evaluationsTable,
              "EVALUATION_COUNTS_TABLE", countsTable,
              "SCORING_JOBS_TABLE", scoringTable,
              "API_KEYS_TABLE", keysTable,
              "PAGE_TOKEN_KEYS", tokenKeys);
      List<FunctionUnderTest> functions =
          List.of(
              new FunctionUnderTest(
                  "evaluations", jars.get(0), ListEvaluationsHandler.class.getName(),
                  repo.resolve("events/evaluations-list.json"), env),
              new FunctionUnderTest(
                  "scoring-jobs", jars.get(1), ListScoringJobsHandler.class.getName(),
                  repo.resolve("events/scoring-list.json"), env),
              new FunctionUnderTest(
                  "authorizer", jars.get(2), ApiKeyAuthorizerHandler.class.getName(), authorizerEvent, env));

      Path work = scratch.path();
      Optional<NodeReference> reference =
          options.runs(1) || options.runs(3)
              ? nodeReference(repo, work, functions.get(0), table)
              : Optional.empty();
      ColdStartRunner runner = ColdStartRunner.create(work);
      LaunchedSections launched = new LaunchedSections(runner, table, reference);
      QueryCounter counter = new QueryCounter(countsTable);
      try (DynamoDbClient counted = client(dynamoLocal, List.of(counter));
          DynamoDbClient bare = DynamoDbClients.forEndpoint(dynamoLocal.endpoint(), REGION)) {
        ListEvaluationsHandler evaluations =
            new ListEvaluationsHandler(
                counted, evaluationsTable, countsTable, DeployedPageTokens.fromEnvironment(new Environment(env), "evaluations"));
        ListScoringJobsHandler scoring =
            new ListScoringJobsHandler(
                counted, scoringTable, DeployedPageTokens.fromEnvironment(new Environment(env), "scoring-jobs"));
        Map<String, RequestStreamHandler> inProcess =
            Map.of(
                "evaluations", evaluations,
                "scoring-jobs", scoring,
                "authorizer", new ApiKeyAuthorizerHandler(counted, keysTable));

        if (reference.isPresent()) {
          NodeReference.requireSamePage(
              reference.get().run("cold", 0, 0, 1),
              new MeasuredHandler(evaluations, counter)
                  .invoke(Files.readAllBytes(functions.get(0).event()))
                  .response());
        }
        if (options.runs(1)) {
          log("java floor");
          launched.floor(functions.get(0), options.coldRuns());
          launched.referenceColdStart(options.coldRuns());
          for (FunctionUnderTest function : functions) {
            log("cold start: " + function.name());
            launched.coldStart(function, options.coldRuns());
          }
        }
        DatabaseCeiling ceiling = new DatabaseCeiling(bare, counter);
        if (options.runs(2)) {
          for (FunctionUnderTest function : functions) {
            log("primed first call: " + function.name());
            launched.primedFirstCall(function);
            ceiling.addRestoreRow(
                table,
                function.name(),
                ceiling.afterRestore(
                    inProcess.get(function.name()), Files.readAllBytes(function.event()), 500, 15, 20));
          }
        }
        Duration budget = Duration.ofSeconds(options.quick() ? 20 : 60);
        if (options.runs(3)) {
          log("warm: Node reference");
          launched.referenceWarm(2_000, 5_000, (int) budget.toSeconds());
          for (FunctionUnderTest function : functions) {
            log("warm: " + function.name());
            launched.warm(function, 2_000, 5_000, (int) budget.toSeconds());
            DatabaseCeiling.Result replayed =
                ceiling.measure(
                    inProcess.get(function.name()), Files.readAllBytes(function.event()), 2_000, 5_000, budget);
            ceiling.addRow(table, function.name(), replayed);
          }
        }

        if (options.runs(8)) {
          log("HTTP clients");
          new HttpClientComparison(
                  runner.java(),
                  ColdStartRunner.LAMBDA_JVM_FLAGS,
                  dynamoLocal.endpoint(),
                  keysTable,
                  hashKey(tables, "ApiKeysTable"))
              .addRows(table, options.coldRuns(), 2_000, 5_000, (int) budget.toSeconds());
        }

        ReadCostSections reads =
            new ReadCostSections(
                new MeasuredHandler(evaluations, counter),
                new MeasuredHandler(scoring, counter),
                table,
                tenants.large());
        if (options.runs(4)) {
          log("read amplification");
          reads.readAmplification();
        }
        if (options.runs(5)) {
          log("depth");
          reads.depth(tenants.large());
        }
        if (options.runs(6)) {
          log("total_count");
          reads.totalCount();
        }
        if (options.runs(9)) {
          log("evaluations paging walks");
          new EvaluationPagingSection(new MeasuredHandler(evaluations, counter), table, tenants.large()).addRows();
        }
        if (options.runs(10)) {
          log("scoring plans: loading skewed projects");
          ScoringPlanSection.load(admin, scoringTable, tenants.large());
          log("scoring plans");
          new ScoringPlanSection(new MeasuredHandler(scoring, counter), table, tenants.large()).addRows();
        }
      } catch (Exception | Error failure) {
        // A section that fails late would otherwise take every row measured before it along.
        System.out.println("\nRows measured before the failure:\n\n" + table.toMarkdown());
        throw failure;
      }
      if (options.runs(7)) {
        for (FunctionUnderTest function : functions) {
          launched.artifact(function);
        }
      }

      String dataset =
          String.format(
              "%,d evaluation jobs and %,d scoring jobs (large tenant %,d per table; others %s), loaded in %d s;"
                  + " the evaluations stream (%,d records) counted in %d s",
              tenants.totalEvaluations(), tenants.totalScoringJobs(), tenants.large(),
              "1/10, 1/100 and 50 jobs", loadTime.toSeconds(), streamRecords, countTime.toSeconds());
      Duration total = Duration.ofNanos(System.nanoTime() - started);
      String duration = total.toMinutes() + " min " + total.toSecondsPart() + " s";
      String section = BenchmarkReport.section(options, machine, dataset, table, duration);
      System.out.println(section);
      if (options.writeDoc()) {
        Path document = repo.resolve("docs/benchmarks.md");
        if (options.append()) {
          BenchmarkReport.append(document, section);
          log("appended to " + document);
        } else {
          BenchmarkReport.write(document, section);
          log("written to " + document);
        }
      }
    }
  }

  private static Path jar(Path repo, String function) {
    Path jar = repo.resolve("functions").resolve(function).resolve("target").resolve(function + "-function.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "missing " + jar + ": build it with ./mvnw -q -pl functions/" + function + " -am package -DskipTests");
    }
    return jar;
  }

  private static String hashKey(TemplateTables tables, String logicalId) {
    return tables.table(logicalId).toCreateRequest(logicalId).keySchema().stream()
        .filter(key -> key.keyType() == KeyType.HASH)
        .map(KeySchemaElement::attributeName)
        .findFirst()
        .orElseThrow();
  }

  private static String apiKey(Path authorizerEvent) throws java.io.IOException {
    Matcher matcher = EVALUATIONS_KEY.matcher(Files.readString(authorizerEvent, StandardCharsets.UTF_8));
    if (!matcher.find()) {
      throw new IllegalStateException(authorizerEvent + " sends no X-API-Key header");
    }
    return matcher.group(1);
  }

  /**
   * The Node reference installed beside the work directory, reading the evaluations function's event and tables; none,
   * with a row saying why, where node or npm is missing or its install fails.
   */
  private static Optional<NodeReference> nodeReference(
      Path repo, Path work, FunctionUnderTest evaluations, ResultTable table) throws InterruptedException {
    log("installing the Node reference");
    try {
      return Optional.of(NodeReference.install(repo, work, evaluations.event(), evaluations.environment()));
    } catch (IOException e) {
      log("Node reference not measured: " + e.getMessage());
      table.add("1", "reference: Node.js handler with AWS SDK v3", "not measured: " + e.getMessage(), "");
      return Optional.empty();
    }
  }

  /** A client like the functions' own, with the given interceptors. */
  private static DynamoDbClient client(
      DynamoDbLocalServer dynamoLocal,
      List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
    return DynamoDbClient.builder()
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(dynamoLocal.endpoint())
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
        .build();
  }

  private static void log(String message) {
    System.err.println("[bench] " + message);
  }
}
