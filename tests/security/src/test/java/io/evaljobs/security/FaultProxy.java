package io.evaljobs.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP hop in front of DynamoDB that injects faults at the wire, where the SDK's retry and timeout logic sees
 * them exactly as it would see DynamoDB's own: throttling error bodies and added latency. Faults and attempt counts
 * are per table, so both APIs can be faulted at once.
 */
final class FaultProxy implements AutoCloseable {
  /** What the next attempts get. */
  sealed interface Fault permits Pass, Throttle, Delay {}

  record Pass() implements Fault {}

  /** DynamoDB's HTTP 400 JSON error for {@code type}, e.g. ProvisionedThroughputExceededException. */
  record Throttle(String type) implements Fault {}

  record Delay(Duration delay) implements Fault {}

  private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]*)\"");
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI target;
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  private FaultProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FaultProxy inFrontOf(URI target) {
    try {
      return new FaultProxy(target);
    } catch (IOException e) {
      throw new IllegalStateException("the fault proxy did not start", e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on, requests naming {@code table} get {@code next}, and their attempts are counted from zero. */
  void inject(String table, Fault next) {
    faults.put(table, next);
    attempts.put(table, new AtomicInteger());
  }

  int attempts(String table) {
    return attempts.getOrDefault(table, new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Matcher table = TABLE_NAME.matcher(new String(body, StandardCharsets.UTF_8));
    String tableName = table.find() ? table.group(1) : "";
    attempts.computeIfAbsent(tableName, n -> new AtomicInteger()).incrementAndGet();
    Fault current = faults.getOrDefault(tableName, new Pass());
    try {
      if (current instanceof Throttle throttle) {
        String error =
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + throttle.type() + "\",\"message\":\"Rate exceeded\"}";
        respond(exchange, 400, Map.of("Content-Type", List.of("application/x-amz-json-1.0")),
            error.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (current instanceof Delay delay) {
        Thread.sleep(delay.delay().toMillis());
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase())) {
          values.forEach(v -> forward.header(name, v));
        }
      });
      HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      respond(exchange, response.statusCode(), response.headers().map(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      // The backend is down or the client gave up waiting: drop the connection as a dead endpoint would.
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    headers.forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
