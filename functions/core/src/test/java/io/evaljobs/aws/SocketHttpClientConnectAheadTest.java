package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Connections opened ahead of requests, over TLS, where each one waits on round trips to its endpoint. */
class SocketHttpClientConnectAheadTest {
  private static final SSLContext context = SelfSignedTls.forLocalhost();

  @Test
  void connectAhead_twoConnectionsToOneRoute_handshakeSideBySide() throws Exception {
    // The server answers no handshake before it has accepted both connections: opened one after the other, the first
    // handshake would wait for a second connection that is never attempted, and the server gives up on both.
    try (SSLServerSocket server = server(); HandshakesOnceAllConnected peer = new HandshakesOnceAllConnected(server, 2)) {
      ConnectionPool pool = pool();
      Route route = new Route(true, "localhost", server.getLocalPort());

      new SocketHttpClient(pool).connectAhead(Map.of(route, 2));

      assertEquals(2, pool.idleCount(route), "both connections are idle in the pool, ready for the next requests");
      assertEquals(2, peer.handshakes(), "the server completed both handshakes");
    }
  }

  @Test
  void connectAhead_nothingToOpen_opensNothing() {
    ConnectionPool pool = pool();
    Route route = new Route(true, "localhost", 1);

    new SocketHttpClient(pool).connectAhead(Map.of(route, 0));

    assertEquals(0, pool.idleCount(route));
  }

  private static ConnectionPool pool() {
    return new ConnectionPool(
        new SocketOpener(Duration.ofSeconds(2), Duration.ofSeconds(10), context::getSocketFactory),
        16, Duration.ofSeconds(30), System::nanoTime);
  }

  private static SSLServerSocket server() throws IOException {
    SSLServerSocket server =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    server.setSoTimeout(3_000);
    return server;
  }

  /** Accepts {@code expected} connections, then completes their handshakes; keeps them open until closed. */
  private static final class HandshakesOnceAllConnected implements AutoCloseable {
    private final List<Socket> accepted = new ArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final Thread thread;

    HandshakesOnceAllConnected(SSLServerSocket server, int expected) {
      thread = new Thread(() -> serve(server, expected), "tls-peer");
      thread.setDaemon(true);
      thread.start();
    }

    private void serve(SSLServerSocket server, int expected) {
      try {
        while (accepted.size() < expected) {
          accepted.add(server.accept());
        }
        for (Socket socket : accepted) {
          ((SSLSocket) socket).startHandshake();
          handshakes.incrementAndGet();
        }
      } catch (SocketTimeoutException e) {
        closeAll();
      } catch (IOException e) {
        // The client side asserts what it got.
      }
    }

    int handshakes() throws InterruptedException {
      thread.join(10_000);
      return handshakes.get();
    }

    private void closeAll() {
      for (Socket socket : accepted) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a test's socket.
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      thread.join(10_000);
      closeAll();
    }
  }
}
