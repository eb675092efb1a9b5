package io.evaljobs.local;

import io.evaljobs.aws.AwsEnvironment;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.local.demo.DemoData;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.DynamoDbLocalServer;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local served on a chosen address for other processes, above all the functions in sam local's containers:
 * one database for every credential and region, the template's tables under their logical ids (the names
 * sam-local-env.json gives the functions), the demo keys and jobs, and the evaluations table's stream applied to the
 * counts as EvaluationCountsFunction applies it in AWS.
 */
public final class ServedDynamoDb implements AutoCloseable {
  private static final Duration COUNTS_POLL_INTERVAL = Duration.ofMillis(250);

  private final DynamoDbLocalServer server;
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;
  private final EvaluationCountsPoller counts;
  private final Map<String, String> tables;

  private ServedDynamoDb(DynamoDbLocalServer server, DynamoDbClient client, DynamoDbStreamsClient streams,
      EvaluationCountsPoller counts, Map<String, String> tables) {
    this.server = server;
    this.client = client;
    this.streams = streams;
    this.counts = counts;
    this.tables = tables;
  }

  /** Serves on {@code address}, provisions the tables and loads the demo data when asked; {@code log} gets progress. */
  public static ServedDynamoDb start(HostAndPort address, boolean demoData, int demoJobsPerApi, PrintStream log) {
    DynamoDbLocalServer server = DynamoDbLocalServer.serve(address.host(), address.port());
    DynamoDbClient client = loadingClient(server.endpoint());
    DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(server.endpoint(), "us-east-1");
    try {
      Map<String, String> tables =
          Map.copyOf(TableProvisioner.createAll(client, TemplateTables.load(), logicalId -> logicalId));
      EvaluationCountsPoller counts =
          new EvaluationCountsPoller(
              client, streams, tables.get(EvaluationTable.LOGICAL_ID), tables.get(JobCountTable.LOGICAL_ID));
      if (demoData) {
        DemoData demo = new DemoData(client, log);
        demo.loadKeys(tables.get(LocalServer.API_KEYS_TABLE));
        demo.loadJobs(tables.get(EvaluationTable.LOGICAL_ID), tables.get(ScoringJobTable.LOGICAL_ID), demoJobsPerApi);
      }
      counts.drain();
      counts.startPolling(COUNTS_POLL_INTERVAL);
      return new ServedDynamoDb(server, client, streams, counts, tables);
    } catch (RuntimeException e) {
      streams.close();
      client.close();
      server.close();
      throw e;
    }
  }

  /**
   * The client that provisions and loads: the functions' client has an 8 s budget per call, which loading thousands
   * of items on a busy machine (DynamoDB Local in this JVM, competing for the same cores) can exceed.
   */
  private static DynamoDbClient loadingClient(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(AwsEnvironment.localCredentials())
        .httpClient(AwsEnvironment.httpClient())
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)).apiCallAttemptTimeout(Duration.ofSeconds(30)))
        .build();
  }

  /** Where a client on this machine reaches it. */
  public URI endpoint() {
    return server.endpoint();
  }

  public int port() {
    return server.port();
  }

  /** Table names by the template's logical ids. */
  public Map<String, String> tables() {
    return tables;
  }

  /** Counts what the evaluations table's stream holds now, instead of waiting for the next poll. */
  public void settleCounts() {
    counts.drain();
  }

  @Override
  public void close() {
    counts.close();
    streams.close();
    client.close();
    server.close();
  }
}
