package io.evaljobs.local;

import io.evaljobs.paging.TokenKeyring;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaljobs-local}: both APIs on this machine, through the same authorizer and handler classes as on Lambda. */
@Command(
    name = "evaljobs-local",
    mixinStandardHelpOptions = true,
    version = "evaljobs-local 1.0.0",
    description = {
      "Serves GET /evaluations and GET /v2/confidence-scoring/jobs on this machine, emulating API Gateway:",
      "API key authorizer, gateway responses from template.yaml, proxy events to the Lambda handlers."
    })
public final class LocalApi implements Callable<Integer> {
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--port", defaultValue = "3000", description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--dynamodb-endpoint",
      paramLabel = "URL",
      description = "Use the DynamoDB at this endpoint (tables created if missing) instead of an embedded one.")
  private URI dynamoDbEndpoint;

  @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}", description = "Region (default: ${DEFAULT-VALUE}).")
  private String region;

  @Option(names = "--no-demo-data", negatable = false, description = "Start with empty tables and no demo keys.")
  private boolean noDemoData;

  @Option(
      names = "--demo-jobs",
      defaultValue = "" + LocalApiSettings.DEFAULT_DEMO_JOBS,
      paramLabel = "N",
      description = "Demo jobs per API, split between the demo tenants (default: ${DEFAULT-VALUE}).")
  private int demoJobs;

  @Option(
      names = "--serve-dynamodb",
      paramLabel = "HOST:PORT",
      converter = HostAndPort.Converter.class,
      description = {
        "Instead of the API: serve DynamoDB Local with the tables and demo data on HOST:PORT for other processes",
        "and sam local's containers (e.g. 0.0.0.0:8000), until stopped."
      })
  private HostAndPort serveDynamoDb;

  @Option(
      names = "--page-token-keys",
      paramLabel = "KEYID:BASE64",
      description = "Page token keys, as PAGE_TOKEN_KEYS (default: a fresh random key per start).")
  private String pageTokenKeys;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new LocalApi());
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println("evaljobs-local: " + exception.getMessage());
          failed.getErr().flush();
          return 1;
        });
    int exit = commandLine.execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    LocalApiSettings settings;
    try {
      settings =
          new LocalApiSettings(host, port, Optional.ofNullable(dynamoDbEndpoint), region, !noDemoData, demoJobs,
              Optional.ofNullable(pageTokenKeys));
      settings.pageTokenKeys().ifPresent(TokenKeyring::parse);
    } catch (IllegalArgumentException e) {
      System.err.println("evaljobs-local: " + e.getMessage());
      return 2;
    }
    PrintStream out = System.out;
    if (serveDynamoDb != null) {
      if (settings.dynamoDbEndpoint().isPresent()) {
        System.err.println("evaljobs-local: --serve-dynamodb serves its own DynamoDB: leave out --dynamodb-endpoint");
        return 2;
      }
      System.err.println("starting DynamoDB on " + serveDynamoDb.host() + ":" + serveDynamoDb.port() + " and loading "
          + (settings.demoData() ? "demo data" : "tables") + "...");
      ServedDynamoDb served =
          ServedDynamoDb.start(serveDynamoDb, settings.demoData(), settings.demoJobsPerApi(), System.err);
      CountDownLatch stopped = stopOnShutdown(served);
      Banner.printServed(out, serveDynamoDb, served, settings.demoData());
      stopped.await();
      return 0;
    }
    System.err.println("starting DynamoDB and loading " + (settings.demoData() ? "demo data" : "tables") + "...");
    LocalServer server = LocalServer.start(settings, out);
    CountDownLatch stopped = stopOnShutdown(server);
    Banner.print(out, server, settings.demoData());
    stopped.await();
    return 0;
  }

  private static CountDownLatch stopOnShutdown(AutoCloseable running) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              System.err.println("stopping...");
              try {
                running.close();
              } catch (Exception e) {
                System.err.println("stopping: " + e);
              }
              stopped.countDown();
            }, "evaljobs-local-shutdown"));
    return stopped;
  }
}
