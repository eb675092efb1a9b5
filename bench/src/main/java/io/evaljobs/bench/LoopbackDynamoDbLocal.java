package io.evaljobs.bench;

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
 * DynamoDB Local as an in-memory HTTP server bound to 127.0.0.1 only. DynamoDB Local has no option for the listen
 * address, so the host of its one Jetty connector is set before the server starts.
 */
final class LoopbackDynamoDbLocal implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";

  private final DynamoDBProxyServer server;
  private final int port;

  private LoopbackDynamoDbLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static LoopbackDynamoDbLocal start() {
    int port = freeLoopbackPort();
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
      bindToLoopback(server);
      server.start();
      return new LoopbackDynamoDbLocal(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on " + LOOPBACK + ":" + port, e);
    }
  }

  URI endpoint() {
    return URI.create("http://" + LOOPBACK + ":" + port);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
      throw new IllegalStateException("unexpected DynamoDB Local connectors: " + connectors.length);
    }
    connector.setHost(LOOPBACK);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
