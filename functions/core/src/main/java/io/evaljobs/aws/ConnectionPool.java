package io.evaljobs.aws;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

/**
 * Idle keep-alive connections per route, most recently used first. A connection idle for longer than the server is
 * likely to keep it is closed instead of reused.
 */
final class ConnectionPool implements Closeable {
  private final Map<Route, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
  private final SocketOpener opener;
  private final int maxIdlePerRoute;
  private final long maxIdleNanos;
  private final LongSupplier nanoTime;
  private volatile boolean closed;

  ConnectionPool(SocketOpener opener, int maxIdlePerRoute, Duration maxIdle, LongSupplier nanoTime) {
    this.opener = opener;
    this.maxIdlePerRoute = maxIdlePerRoute;
    this.maxIdleNanos = maxIdle.toNanos();
    this.nanoTime = nanoTime;
  }

  /** An idle connection to {@code route} when there is a fresh enough one, else a new one. */
  HttpConnection acquire(Route route) throws IOException {
    Deque<HttpConnection> connections = idle.get(route);
    if (connections != null) {
      long now = nanoTime.getAsLong();
      HttpConnection connection;
      while ((connection = connections.pollFirst()) != null) {
        if (now - connection.idleSince() < maxIdleNanos && !connection.isClosed()) {
          return connection;
        }
        connection.close();
      }
    }
    return open(route);
  }

  /** A new connection, never one from the pool. */
  HttpConnection open(Route route) throws IOException {
    if (closed) {
      throw new IOException("the HTTP client is closed");
    }
    return new HttpConnection(route, opener.open(route));
  }

  /** Takes back a connection whose last response was read to its end. */
  void release(HttpConnection connection) {
    if (closed || connection.isClosed()) {
      connection.close();
      return;
    }
    connection.markIdle(nanoTime.getAsLong());
    Deque<HttpConnection> connections = idle.computeIfAbsent(connection.route(), route -> new ConcurrentLinkedDeque<>());
    if (connections.size() >= maxIdlePerRoute) {
      connection.close();
      return;
    }
    connections.offerFirst(connection);
    if (closed) {
      close();
    }
  }

  int idleCount(Route route) {
    Deque<HttpConnection> connections = idle.get(route);
    return connections == null ? 0 : connections.size();
  }

  /**
   * Closes every idle connection; the pool stays open and the next request opens a new one. Returns how many each
   * route had.
   */
  Map<Route, Integer> closeIdle() {
    Map<Route, Integer> closed = new HashMap<>();
    for (Map.Entry<Route, Deque<HttpConnection>> entry : idle.entrySet()) {
      HttpConnection connection;
      while ((connection = entry.getValue().pollFirst()) != null) {
        connection.close();
        closed.merge(entry.getKey(), 1, Integer::sum);
      }
    }
    return closed;
  }

  /** Opens a connection to {@code route} and keeps it idle for the next request. */
  void openIdle(Route route) throws IOException {
    release(open(route));
  }

  @Override
  public void close() {
    closed = true;
    closeIdle();
  }
}
