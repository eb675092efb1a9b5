package io.evaljobs.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS SDK's synchronous HTTP client for the functions: HTTP/1.1 over plain sockets with keep-alive.
 *
 * <p>Each request goes out in one write with TCP_NODELAY, where the URL-connection client writes the head and the
 * body separately and the body then waits on the peer's delayed acknowledgement. It loads a few dozen classes instead
 * of the URL-connection and Apache stacks, and creates the TLS context only for the first https connection. A reused
 * connection that turns out to be closed (idle too long, or frozen in a snapshot) is replaced once, transparently, as
 * long as no byte of the response had arrived.
 */
public final class SocketHttpClient implements SdkHttpClient {
  private static final int MAX_IDLE_PER_ROUTE = 16;
  private static final Duration MAX_IDLE = Duration.ofSeconds(30);

  private final ConnectionPool pool;

  SocketHttpClient(ConnectionPool pool) {
    this.pool = pool;
  }

  /** {@code readTimeout}: the longest wait for the next bytes of a response. */
  public static SocketHttpClient create(Duration connectTimeout, Duration readTimeout) {
    return new SocketHttpClient(
        new ConnectionPool(
            new SocketOpener(connectTimeout, readTimeout), MAX_IDLE_PER_ROUTE, MAX_IDLE, System::nanoTime));
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new Exchange(request);
  }

  @Override
  public String clientName() {
    return "Socket";
  }

  /** Closes the kept-alive connections, and tells how many went to each route; later requests open new ones. */
  Map<Route, Integer> dropIdleConnections() {
    return pool.closeIdle();
  }

  /**
   * Opens connections, handshakes included, ahead of the requests that will use them: as many to each route as
   * {@code connections} gives, so that requests sent side by side (a page and its total) each find one. They open side
   * by side: a handshake waits on round trips to the endpoint, not on the processor, so the caller waits for the
   * slowest connection instead of for all of them in turn. A connection that cannot be opened now is not tried again
   * here and is left to the next request, which opens its own and reports the failure where a caller sees it.
   */
  void connectAhead(Map<Route, Integer> connections) {
    // Loops and a named class rather than lambdas: this runs first after a restore, where spinning a lambda's class
    // would add to the restore's time.
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<Route, Integer> route : connections.entrySet()) {
      routes.addAll(Collections.nCopies(route.getValue(), route.getKey()));
    }
    if (routes.isEmpty()) {
      return;
    }
    List<Thread> beside = new ArrayList<>();
    for (Route route : routes.subList(1, routes.size())) {
      Thread opener = new Thread(new IdleConnectionOpener(pool, route), "connect-ahead");
      opener.setDaemon(true);
      opener.start();
      beside.add(opener);
    }
    new IdleConnectionOpener(pool, routes.get(0)).run();
    for (Thread opener : beside) {
      joinUninterruptibly(opener);
    }
  }

  /** Each opener ends within its connect and read timeouts, so the wait is bounded without a deadline of its own. */
  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Opens one connection into the pool, where the next request finds it. */
  private static final class IdleConnectionOpener implements Runnable {
    private final ConnectionPool pool;
    private final Route route;

    IdleConnectionOpener(ConnectionPool pool, Route route) {
      this.pool = pool;
      this.route = route;
    }

    @Override
    public void run() {
      try {
        pool.openIdle(route);
      } catch (IOException | RuntimeException e) {
        // Not a failure yet: no request is waiting for this connection.
      }
    }
  }

  /** One request and its response; abortable from another thread (the SDK's attempt timeout). */
  private final class Exchange implements ExecutableHttpRequest {
    private final HttpExecuteRequest request;
    private volatile HttpConnection current;
    private volatile boolean aborted;

    Exchange(HttpExecuteRequest request) {
      this.request = request;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      Route route = Route.of(request.httpRequest());
      byte[] message = RequestEncoder.encode(request.httpRequest(), route, body());
      HttpConnection connection = use(pool.acquire(route));
      try {
        return exchange(connection, message);
      } catch (IOException e) {
        connection.close();
        if (aborted || !connection.reused() || connection.responseStarted() || e instanceof SocketTimeoutException) {
          throw aborted ? new IOException("request aborted", e) : e;
        }
      }
      HttpConnection fresh = use(pool.open(route));
      try {
        return exchange(fresh, message);
      } catch (IOException e) {
        fresh.close();
        throw aborted ? new IOException("request aborted", e) : e;
      }
    }

    @Override
    public void abort() {
      aborted = true;
      HttpConnection connection = current;
      if (connection != null) {
        connection.close();
      }
    }

    private HttpConnection use(HttpConnection connection) throws IOException {
      current = connection;
      if (aborted) {
        connection.close();
        throw new IOException("request aborted");
      }
      return connection;
    }

    private HttpExecuteResponse exchange(HttpConnection connection, byte[] message) throws IOException {
      connection.send(message);
      ResponseHead head = ResponseHead.read(connection);
      ResponseBody body =
          new ResponseBody(connection, pool, head, request.httpRequest().method() == SdkHttpMethod.HEAD);
      SdkHttpFullResponse.Builder response =
          SdkHttpFullResponse.builder().statusCode(head.status()).statusText(head.reason());
      head.headers().forEach(response::putHeader);
      return HttpExecuteResponse.builder()
          .response(response.build())
          .responseBody(AbortableInputStream.create(body, body))
          .build();
    }

    private byte[] body() throws IOException {
      if (request.contentStreamProvider().isEmpty()) {
        return new byte[0];
      }
      try (InputStream content = request.contentStreamProvider().get().newStream()) {
        return content.readAllBytes();
      }
    }
  }
}
