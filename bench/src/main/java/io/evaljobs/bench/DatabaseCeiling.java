package io.evaljobs.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.priming.SnapStartPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The DynamoDB requests one call of a function sends, replayed in a loop by a bare client built like the functions'
 * own: the calls per second DynamoDB Local and the SDK allow before any of the function's work, so the warm rows
 * can be read against what this set-up can give at all.
 */
final class DatabaseCeiling {
  private final DynamoDbClient bare;
  private final QueryCounter recorder;
  private final ExecutorService besideExecutor =
      Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bench-ceiling");
        thread.setDaemon(true);
        return thread;
      });

  /** {@code recorder} must be an interceptor of the client the handlers passed to {@link #measure} use. */
  DatabaseCeiling(DynamoDbClient bare, QueryCounter recorder) {
    this.bare = bare;
    this.recorder = recorder;
  }

  Result measure(RequestStreamHandler handler, byte[] event, int warmup, int measured, Duration budget) {
    List<List<SdkRequest>> requests = record(handler, event);
    for (int i = 0; i < warmup; i++) {
      replay(requests);
    }
    long[] nanos = new long[measured];
    int done = 0;
    long loopStart = System.nanoTime();
    while (done < measured && (done < 10 || System.nanoTime() - loopStart < budget.toNanos())) {
      long start = System.nanoTime();
      replay(requests);
      nanos[done++] = System.nanoTime() - start;
    }
    long loop = System.nanoTime() - loopStart;
    return new Result(describe(requests), done, done / (loop / 1e9), new Samples(Arrays.copyOf(nanos, done)));
  }

  void addRow(ResultTable table, String function, Result result) {
    table.add(
        "3",
        function + " database ceiling: the DynamoDB requests of one call (" + result.requests() + "), replayed by a"
            + " bare SDK client (" + Format.count(result.calls()) + " times)",
        Format.decimal(result.perSecond()) + " calls/s, p50 " + Format.millis(result.latency().median()),
        "warm calls/s cannot pass this in this set-up");
  }

  /**
   * The same replay's first call after each of {@code restores} simulated SnapStart restores, against the calls that
   * follow it on warm connections. The bare client shares the functions' HTTP client and its restore hook: the
   * connections are dropped and opened again as a restore opens them, so what the first call pays above a warm one is
   * what DynamoDB Local and the connections add to any function's first call after a restore.
   */
  AfterRestore afterRestore(RequestStreamHandler handler, byte[] event, int warmup, int restores, int warmPerRestore) {
    List<List<SdkRequest>> requests = record(handler, event);
    for (int i = 0; i < warmup; i++) {
      replay(requests);
    }
    long[] first = new long[restores];
    long[] warm = new long[restores * warmPerRestore];
    for (int restore = 0; restore < restores; restore++) {
      SnapStartPriming.simulateCheckpointAndRestore();
      first[restore] = timedReplay(requests);
      for (int i = 0; i < warmPerRestore; i++) {
        warm[restore * warmPerRestore + i] = timedReplay(requests);
      }
    }
    return new AfterRestore(describe(requests), new Samples(first), new Samples(warm));
  }

  void addRestoreRow(ResultTable table, String function, AfterRestore result) {
    table.add(
        "2",
        function + " reference, the database alone: the DynamoDB requests of one call (" + result.requests() + "),"
            + " replayed by a bare SDK client, first call after a simulated restore / warm p50 (median of "
            + result.first().size() + " restores)",
        Format.millis(result.first().median()) + " / " + Format.millis(result.warm().median()) + " = "
            + Format.ratio(result.first().median() / result.warm().median()) + "x",
        "what this set-up adds to any first call after a restore");
  }

  private long timedReplay(List<List<SdkRequest>> requests) {
    long start = System.nanoTime();
    replay(requests);
    return System.nanoTime() - start;
  }

  /** The DynamoDB requests one call of {@code handler} sends, grouped by the thread that sent them. */
  private List<List<SdkRequest>> record(RequestStreamHandler handler, byte[] event) {
    recorder.take();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
    } catch (Exception e) {
      throw new IllegalStateException("the recorded call failed", e);
    }
    // Requests one thread sent go one after the other; those of other threads went beside them, and so they do here.
    List<List<SdkRequest>> requests =
        List.copyOf(
            recorder.take().requests().stream()
                .collect(Collectors.groupingBy(
                    QueryCounter.Sent::thread,
                    LinkedHashMap::new,
                    Collectors.mapping(QueryCounter.Sent::request, Collectors.toList())))
                .values());
    if (requests.isEmpty()) {
      throw new IllegalStateException("the recorded call sent no DynamoDB request");
    }
    return requests;
  }

  private void replay(List<List<SdkRequest>> threads) {
    List<CompletableFuture<Void>> beside = new ArrayList<>();
    for (List<SdkRequest> requests : threads.subList(1, threads.size())) {
      beside.add(CompletableFuture.runAsync(() -> replaySequence(requests), besideExecutor));
    }
    replaySequence(threads.get(0));
    beside.forEach(CompletableFuture::join);
  }

  private void replaySequence(List<SdkRequest> requests) {
    for (SdkRequest request : requests) {
      if (request instanceof QueryRequest query) {
        bare.query(query);
      } else if (request instanceof GetItemRequest get) {
        bare.getItem(get);
      } else {
        throw new IllegalStateException("cannot replay " + request.getClass().getSimpleName());
      }
    }
  }

  private static String describe(List<List<SdkRequest>> threads) {
    return threads.stream()
        .map(requests -> requests.stream()
            .map(request -> request instanceof QueryRequest query ? "Query (Limit " + query.limit() + ")" : "GetItem")
            .collect(Collectors.joining(" then ")))
        .collect(Collectors.joining(" beside "));
  }

  record Result(String requests, long calls, double perSecond, Samples latency) {}

  record AfterRestore(String requests, Samples first, Samples warm) {}
}
