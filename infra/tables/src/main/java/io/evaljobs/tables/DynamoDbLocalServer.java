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
 * against AWS (benchmarks, fault tests); or, {@link #serve served} on a chosen address, for other processes and
 * containers (sam local).
 */
public final class DynamoDbLocalServer implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final DynamoDBProxyServer server;
  private final ServerConnector connector;
  private final String clientHost;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, ServerConnector connector, String clientHost, int port) {
    this.server = server;
    this.connector = connector;
    this.clientHost = clientHost;
    this.port = port;
  }

  /** Starts an in-memory server on {@code port} of 127.0.0.1, or on a free port when {@code port} is 0. */
  public static DynamoDbLocalServer start(int port) {
    return start(LOOPBACK, port, false);
  }

  /**
   * Starts an in-memory server on {@code host} ({@code 0.0.0.0} for every interface) and {@code port} (a free one
   * when 0) with one database for every client: callers with any credentials and region see the same tables, as
   * the functions in sam local's containers (credentials from the caller's profile or SAM's placeholders) and the
   * tools on this machine must.
   */
  public static DynamoDbLocalServer serve(String host, int port) {
    return start(host, port, true);
  }

  private static DynamoDbLocalServer start(String host, int port, boolean sharedDb) {
    int chosen = port == 0 ? freePort(host) : port;
    String[] args =
        sharedDb
            ? new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(chosen), "-disableTelemetry"}
            : new String[] {"-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"};
    try {
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
      ServerConnector connector = bindTo(server, host);
      server.start();
      return new DynamoDbLocalServer(server, connector, clientHost(host), chosen);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on " + host + ":" + chosen, e);
    }
  }

  /** Where a client on this machine reaches the server: loopback when it listens on every interface. */
  private static String clientHost(String host) {
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    if (wildcard) {
      return LOOPBACK;
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public URI endpoint() {
    return URI.create("http://" + clientHost + ":" + port);
  }

  public int port() {
    return port;
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
  private static ServerConnector bindTo(DynamoDBProxyServer proxy, String host) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector)) {
      throw new IllegalStateException("unexpected DynamoDB Local connectors: " + connectors.length);
    }
    ServerConnector connector = (ServerConnector) connectors[0];
    connector.setHost(host);
    return connector;
  }

  /** The address the server listens on. */
  String listenHost() {
    return connector.getHost();
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
