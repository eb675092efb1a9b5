package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against a local server whose self-signed certificate names "localhost" only. */
class SocketOpenerTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path directory;
  private static SSLContext context;

  @BeforeAll
  static void certificate() throws Exception {
    Path keystore = directory.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    assertEquals(0, process.waitFor());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
  }

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
