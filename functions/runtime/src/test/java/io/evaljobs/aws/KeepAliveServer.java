package io.evaljobs.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a free loopback port that keeps connections alive and answers each request with a body naming
 * the request's path, padded to {@code bodyBytes}: a response that outlives its request would show up as the wrong
 * name. It counts the connections it accepted.
 */
final class KeepAliveServer implements AutoCloseable {
  private final ServerSocket server;
  private final int bodyBytes;
  private final AtomicInteger connections = new AtomicInteger();

  KeepAliveServer(int bodyBytes) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.bodyBytes = bodyBytes;
    Thread acceptor = new Thread(this::accept, "keep-alive-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  int connections() {
    return connections.get();
  }

  /** The body the server sends for {@code path}. */
  String body(String path) {
    String head = "response to " + path + "\n";
    return head + ".".repeat(Math.max(0, bodyBytes - head.length()));
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread worker = new Thread(() -> serve(socket), "keep-alive-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      String head;
      while ((head = readHead(in)) != null) {
        String path = head.split(" ", 3)[1];
        byte[] body = body(path).getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      // The client closed or reset the connection.
    }
  }

  /** The request head up to its blank line (the tests send no request bodies); null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
