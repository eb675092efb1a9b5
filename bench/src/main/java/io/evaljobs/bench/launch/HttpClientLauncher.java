package io.evaljobs.bench.launch;

import io.evaljobs.aws.HttpClientSettings;
import io.evaljobs.aws.SnapshotSafeHttpClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Builds a DynamoDB client on one of the HTTP clients a function could use, in a fresh JVM, sends it one GetItem, then
 * optionally more in a loop, and prints the times as {@code key=value} lines: the benchmark's comparison of HTTP
 * clients for a cold start and for warm calls. Everything else about the client is as explicit as the functions'
 * (region, credentials, defaults mode, no profile file), so the HTTP client is the one difference.
 *
 * <p>Arguments: client ({@code url-connection}, {@code apache}, {@code apache5} or {@code crt}),
 * endpoint, table, key attribute, warm-up calls, measured calls, and a time budget in seconds for each of the two
 * loops.
 */
public final class HttpClientLauncher {
  private HttpClientLauncher() {}

  public static void main(String[] args) {
    run(args, System.out);
    System.out.flush();
  }

  static void run(String[] args, PrintStream out) {
    long mainEnteredMicros = epochMicros();
    long mainNanos = System.nanoTime();
    String client = args[0];
    URI endpoint = URI.create(args[1]);
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(args[2])
            .key(Map.of(args[3], AttributeValue.fromS("no-such-key")))
            .build();
    int warmup = Integer.parseInt(args[4]);
    int measured = Integer.parseInt(args[5]);
    long budgetNanos = Long.parseLong(args[6]) * 1_000_000_000L;

    SnapshotHooks hooks = hooks(client);
    try (DynamoDbClient dynamo = client(hooks.http(), endpoint)) {
      long builtNanos = System.nanoTime();
      dynamo.getItem(request);
      long firstNanos = System.nanoTime();
      out.print("main_entered_us=" + mainEnteredMicros + "\n");
      out.print("client_build_ns=" + (builtNanos - mainNanos) + "\n");
      out.print("first_call_ns=" + (firstNanos - builtNanos) + "\n");
      out.print("first_response_us=" + epochMicros() + "\n");

      long warmupStart = System.nanoTime();
      for (int i = 0; i < warmup && System.nanoTime() - warmupStart < budgetNanos; i++) {
        dynamo.getItem(request);
      }
      long[] samples = new long[measured];
      int done = 0;
      long loopStart = System.nanoTime();
      while (done < measured && (done < 10 || System.nanoTime() - loopStart < budgetNanos)) {
        long start = System.nanoTime();
        dynamo.getItem(request);
        samples[done++] = System.nanoTime() - start;
      }
      out.print("loop_ns=" + (System.nanoTime() - loopStart) + "\n");
      out.print("loop_calls=" + done + "\n");
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < done; i++) {
        joined.append(i == 0 ? "" : ",").append(samples[i]);
      }
      out.print("samples_ns=" + joined + "\n");

      // A snapshot taken after the loop above, restored again and again: the hooks drop the pooled connections as
      // before a checkpoint and after a restore, then the first call opens a new one.
      int restores = measured == 0 ? 0 : RESTORES;
      StringBuilder restored = new StringBuilder();
      StringBuilder hookTimes = new StringBuilder();
      for (int i = 0; i < restores; i++) {
        long hookStart = System.nanoTime();
        hooks.checkpointAndRestore();
        long start = System.nanoTime();
        dynamo.getItem(request);
        long end = System.nanoTime();
        restored.append(i == 0 ? "" : ",").append(end - start);
        hookTimes.append(i == 0 ? "" : ",").append(start - hookStart);
      }
      out.print("restored_call_ns=" + restored + "\n");
      out.print("restore_hooks_ns=" + hookTimes + "\n");
    }
  }

  /** Simulated restores per warm run. */
  public static final int RESTORES = 15;

  /** The HTTP client a function would build, and what its snapshot hooks would do to it. */
  record SnapshotHooks(SdkHttpClient http, Runnable hooks) {
    void checkpointAndRestore() {
      hooks.run();
    }
  }

  /** The client wrapped as the functions wrap theirs, so that the hooks close its pooled connections. */
  private static SnapshotHooks hooks(String client) {
    SnapshotSafeHttpClient http = new SnapshotSafeHttpClient(() -> http(client));
    return new SnapshotHooks(http, () -> {
      http.beforeCheckpoint(null);
      http.afterRestore(null);
    });
  }

  /** Each HTTP client with its defaults, except the functions' one, which gets their settings. */
  public static SdkHttpClient http(String client) {
    switch (client) {
      case "url-connection":
        return UrlConnectionHttpClient.builder().build();
      case "apache":
        return ApacheHttpClient.builder().build();
      case "apache5":
        return HttpClientSettings.build();
      case "crt":
        return AwsCrtHttpClient.builder().build();
      default:
        throw new IllegalArgumentException("unknown HTTP client " + client);
    }
  }

  private static DynamoDbClient client(SdkHttpClient http, URI endpoint) {
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .defaultsMode(DefaultsMode.LEGACY)
        .endpointOverride(endpoint)
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .defaultProfileFile(ProfileFile.aggregator().build())
                .defaultProfileName("default")
                .build())
        .build();
  }

  private static long epochMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }
}
