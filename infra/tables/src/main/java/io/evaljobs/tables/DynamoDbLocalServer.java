package io.evaljobs.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as an HTTP server on loopback, for clients that must go over the network as they do against AWS
 * (benchmarks, fault tests). It listens on all interfaces; clients use 127.0.0.1 only.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts an in-memory server on {@code port}, or on a free port when {@code port} is 0. */
  public static DynamoDbLocalServer start(int port) {
    int chosen = port == 0 ? freePort() : port;
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"});
      server.start();
      return new DynamoDbLocalServer(server, chosen);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + chosen, e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
