package io.evaljobs.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as an in-memory HTTP server on 127.0.0.1, for clients that must go over the network as they do
 * against AWS (benchmarks, fault tests).
 */
public final class DynamoDbLocalServer implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final DynamoDBProxyServer server;
  private final ServerConnector connector;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, ServerConnector connector, int port) {
    this.server = server;
    this.connector = connector;
    this.port = port;
  }

  /** Starts an in-memory server on {@code port} of 127.0.0.1, or on a free port when {@code port} is 0. */
  public static DynamoDbLocalServer start(int port) {
    int chosen = port == 0 ? freeLoopbackPort() : port;
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"});
      ServerConnector connector = bindToLoopback(server);
      server.start();
      return new DynamoDbLocalServer(server, connector, chosen);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on " + LOOPBACK + ":" + chosen, e);
    }
  }

  public URI endpoint() {
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  /**
   * DynamoDB Local listens on every interface and has no option for the address; its one Jetty connector is told
   * the host before the server starts, so nothing off this machine can reach a test database.
   */
  private static ServerConnector bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector)) {
      throw new IllegalStateException("unexpected DynamoDB Local connectors: " + connectors.length);
    }
    ServerConnector connector = (ServerConnector) connectors[0];
    connector.setHost(LOOPBACK);
    return connector;
  }

  /** The address the server listens on. */
  String listenHost() {
    return connector.getHost();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
