package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** TLS against a local server whose self-signed certificate names "localhost" only. */
class SocketOpenerTlsTest {
  private static final SSLContext context = SelfSignedTls.forLocalhost();

  @Test
  void open_httpsRouteToTheCertifiedName_completesTheHandshake() throws Exception {
    try (SSLServerSocket server = server()) {
      Thread peer = answerOnce(server);
      try (Socket socket = opener().open(new Route(true, "localhost", server.getLocalPort()))) {
        assertTrue(socket instanceof SSLSocket);
        assertTrue(socket.getTcpNoDelay());
        assertEquals(42, socket.getInputStream().read());
      }
      peer.join(5_000);
    }
  }

  @Test
  void open_httpsRouteToAnotherName_isRefused() throws Exception {
    try (SSLServerSocket server = server()) {
      answerOnce(server);

      assertThrows(SSLException.class, () -> opener().open(new Route(true, "127.0.0.1", server.getLocalPort())));
    }
  }

  private static SocketOpener opener() {
    return new SocketOpener(Duration.ofSeconds(2), Duration.ofSeconds(5), context::getSocketFactory);
  }

  private static SSLServerSocket server() throws IOException {
    return (SSLServerSocket)
        context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
  }

  private static Thread answerOnce(SSLServerSocket server) {
    Thread peer =
        new Thread(
            () -> {
              try (Socket socket = server.accept()) {
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
                socket.getInputStream().read();
              } catch (IOException e) {
                // A refused handshake ends here; the client side asserts it.
              }
            });
    peer.setDaemon(true);
    peer.start();
    return peer;
  }
}
