package io.evaljobs.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import io.evaljobs.auth.ApiKeyAuthorizerHandler;
import io.evaljobs.auth.ApiName;
import io.evaljobs.evaluations.EvaluationCountsPoller;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.local.demo.DemoData;
import io.evaljobs.local.gateway.ApiGateway;
import io.evaljobs.local.gateway.GatewayResponses;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.lambda.Environment;
import io.evaljobs.paging.PageTokenSealer;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateDocument;
import io.evaljobs.tables.TemplateTables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A running local API: DynamoDB with the template's tables, the Lambda handlers, and the HTTP server in front. */
public final class LocalServer implements AutoCloseable {
  /** Logical id of the API keys table in template.yaml. */
  public static final String API_KEYS_TABLE = "ApiKeysTable";

  private static final int THREADS = 8;
  /** Both APIs' documented page-size maximum; EVALUATIONS_MAX_LIMIT / SCORING_JOBS_MAX_LIMIT lower it, as deployed. */
  private static final int CONTRACT_MAX_LIMIT = 100;
  /** How soon a job written to the local evaluations table shows in total_count (in AWS: the stream's delay). */
  private static final Duration COUNTS_POLL_INTERVAL = Duration.ofMillis(250);

  private final LocalDynamoDb dynamoDb;
  private final Map<String, String> tables;
  private final HttpServer server;
  private final ExecutorService executor;
  private final EvaluationCountsPoller counts;

  private LocalServer(LocalDynamoDb dynamoDb, Map<String, String> tables, HttpServer server,
      ExecutorService executor, EvaluationCountsPoller counts) {
    this.dynamoDb = dynamoDb;
    this.tables = tables;
    this.server = server;
    this.executor = executor;
    this.counts = counts;
  }

  /** Provisions DynamoDB, loads demo data when asked, and starts listening. {@code log} gets the request lines. */
  public static LocalServer start(LocalApiSettings settings, PrintStream log) {
    LocalDynamoDb dynamoDb =
        settings.dynamoDbEndpoint()
            .map(endpoint -> LocalDynamoDb.at(endpoint, settings.region()))
            .orElseGet(LocalDynamoDb::embedded);
    try {
      TemplateDocument template = TemplateDocument.load();
      DynamoDbClient client = dynamoDb.client();
      Map<String, String> tables =
          Map.copyOf(TableProvisioner.createAll(client, TemplateTables.from(template), logicalId -> logicalId));
      // In AWS a Lambda function reads the evaluations table's stream into the counts; here this poller does.
      EvaluationCountsPoller counts =
          new EvaluationCountsPoller(
              client, dynamoDb.streams(), tables.get(EvaluationTable.LOGICAL_ID), tables.get(JobCountTable.LOGICAL_ID));
      if (settings.demoData()) {
        DemoData demo = new DemoData(client, System.err);
        demo.loadKeys(tables.get(API_KEYS_TABLE));
        demo.loadJobs(
            tables.get(EvaluationTable.LOGICAL_ID), tables.get(ScoringJobTable.LOGICAL_ID), settings.demoJobsPerApi());
      }
      counts.drain();
      counts.startPolling(COUNTS_POLL_INTERVAL);
      PageTokenSealer sealer =
          new PageTokenSealer(
              TokenKeyring.parse(
                  settings.pageTokenKeys().orElseGet(() -> TokenKeyring.generateSpec("local", new SecureRandom()))),
              Clock.systemUTC(),
              PageTokens.DEFAULT_LIFETIME);
      // The functions write the same request lines as in Lambda, to the server's log.
      RequestLogLine functionLog =
          new RequestLogLine(log, LogLevel.INFO, Clock.systemUTC(), RequestLogLine.LOCAL_FUNCTION);
      Map<ApiName, RequestStreamHandler> functions =
          Map.of(
              ApiName.EVALUATIONS,
              new ListEvaluationsHandler(
                  client, tables.get(EvaluationTable.LOGICAL_ID), tables.get(JobCountTable.LOGICAL_ID),
                  new PageTokens(sealer, "evaluations"),
                  Environment.system().intUpTo("EVALUATIONS_MAX_LIMIT", CONTRACT_MAX_LIMIT),
                  functionLog),
              ApiName.SCORING,
              new ListScoringJobsHandler(
                  client, tables.get(ScoringJobTable.LOGICAL_ID), new PageTokens(sealer, "scoring-jobs"),
                  Environment.system().intUpTo("SCORING_JOBS_MAX_LIMIT", CONTRACT_MAX_LIMIT),
                  functionLog));
      ApiGateway gateway =
          new ApiGateway(
              GatewayResponses.fromTemplate(template),
              new ApiKeyAuthorizerHandler(client, tables.get(API_KEYS_TABLE)),
              functions,
              settings.region(),
              Clock.systemUTC());
      HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
      ExecutorService executor = Executors.newFixedThreadPool(THREADS);
      server.setExecutor(executor);
      RequestLog requestLog = new RequestLog(log);
      server.createContext("/", new GatewayHttpHandler(gateway, requestLog));
      // The longest matching context wins, so only /openapi/... bypasses the emulated gateway.
      server.createContext(OpenApiHttpHandler.PREFIX, new OpenApiHttpHandler(requestLog));
      // Swagger UI, as a FastAPI service offers it; a DocsHttpHandler answers 404 for /docsanything.
      server.createContext(
          DocsHttpHandler.PATH, new DocsHttpHandler(requestLog, baseUrl(server.getAddress().getHostString(),
              server.getAddress().getPort())));
      server.start();
      return new LocalServer(dynamoDb, tables, server, executor, counts);
    } catch (IOException e) {
      dynamoDb.close();
      throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
    } catch (RuntimeException e) {
      dynamoDb.close();
      throw e;
    }
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. http://127.0.0.1:3000. */
  public URI baseUrl() {
    return baseUrl(server.getAddress().getHostString(), port());
  }

  private static URI baseUrl(String host, int port) {
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
  }

  /** The DynamoDB client the APIs read from, for tests and tools that prepare data. */
  public DynamoDbClient dynamoDb() {
    return dynamoDb.client();
  }

  /** Table names by the template's logical ids. */
  public Map<String, String> tables() {
    return tables;
  }

  String dynamoDbDescription() {
    return dynamoDb.description();
  }

  /** Counts what the evaluations table's stream holds now, instead of waiting for the next poll. */
  public void settleCounts() {
    counts.drain();
  }

  @Override
  public void close() {
    counts.close();
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dynamoDb.close();
  }
}
