package io.evaljobs.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the socket of a route: TCP with Nagle's algorithm off (a request is one write, so there is nothing to
 * coalesce and nothing to wait for), and for https a TLS session on top that verifies the server's name.
 */
final class SocketOpener {
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final Supplier<SSLSocketFactory> tls;

  SocketOpener(Duration connectTimeout, Duration readTimeout) {
    this(connectTimeout, readTimeout, () -> DefaultTls.FACTORY);
  }

  /** {@code tls}: asked for its factory on the first https connection only. */
  SocketOpener(Duration connectTimeout, Duration readTimeout, Supplier<SSLSocketFactory> tls) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    this.tls = tls;
  }

  Socket open(Route route) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(route.connectHost(), route.port()), connectTimeoutMillis);
      socket.setSoTimeout(readTimeoutMillis);
      if (!route.secure()) {
        return socket;
      }
      SSLSocket secured =
          (SSLSocket) tls.get().createSocket(socket, route.connectHost(), route.port(), true);
      SSLParameters parameters = secured.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      secured.setSSLParameters(parameters);
      secured.startHandshake();
      return secured;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The JDK's default TLS context, built on first use: plain-http endpoints never load the trust store. */
  private static final class DefaultTls {
    static final SSLSocketFactory FACTORY = defaultFactory();

    private static SSLSocketFactory defaultFactory() {
      try {
        return SSLContext.getDefault().getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no default TLS context", e);
      }
    }
  }
}
