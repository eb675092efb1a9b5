package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void acquire_afterRelease_returnsTheSameConnection() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer()) {
      ConnectionPool pool = pool(4);
      Route route = new Route(false, "127.0.0.1", server.port());
      HttpConnection first = pool.acquire(route);
      pool.release(first);

      assertSame(first, pool.acquire(route));
    }
  }

  @Test
  void acquire_connectionIdleTooLong_opensANewOne() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer()) {
      ConnectionPool pool = pool(4);
      Route route = new Route(false, "127.0.0.1", server.port());
      HttpConnection first = pool.acquire(route);
      pool.release(first);
      now.addAndGet(Duration.ofSeconds(31).toNanos());

      assertNotSame(first, pool.acquire(route));
      assertTrue(first.isClosed());
    }
  }

  @Test
  void release_beyondTheIdleLimit_closesTheConnection() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer()) {
      ConnectionPool pool = pool(1);
      Route route = new Route(false, "127.0.0.1", server.port());
      HttpConnection first = pool.acquire(route);
      HttpConnection second = pool.acquire(route);
      pool.release(first);
      pool.release(second);

      assertEquals(1, pool.idleCount(route));
      assertTrue(second.isClosed());
    }
  }

  @Test
  void open_plainRoute_turnsNaglesAlgorithmOff() throws IOException {
    try (FakeHttpServer server = new FakeHttpServer()) {
      SocketOpener opener = new SocketOpener(Duration.ofSeconds(1), Duration.ofSeconds(1));

      try (var socket = opener.open(new Route(false, "127.0.0.1", server.port()))) {
        assertTrue(socket.getTcpNoDelay());
      }
    }
  }

  private ConnectionPool pool(int maxIdle) {
    return new ConnectionPool(
        new SocketOpener(Duration.ofSeconds(1), Duration.ofSeconds(1)), maxIdle, Duration.ofSeconds(30), now::get);
  }
}
