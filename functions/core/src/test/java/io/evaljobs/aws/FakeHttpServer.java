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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers each request with the next scripted response, as raw bytes, and can
 * close a connection after a response. It records the raw requests and counts the connections it accepted.
 */
final class FakeHttpServer implements AutoCloseable {
  /** One scripted answer; {@code close}: the server closes the connection after sending it. */
  record Answer(String raw, boolean close) {
    static Answer of(String raw) {
      return new Answer(raw, false);
    }

    static Answer closing(String raw) {
      return new Answer(raw, true);
    }
  }

  private final ServerSocket server;
  private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  FakeHttpServer(Answer... script) throws IOException {
    answers.addAll(List.of(script));
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "fake-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  int port() {
    return server.getLocalPort();
  }

  int connectionsAccepted() {
    return accepted.get();
  }

  List<String> requests() {
    return requests;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        Thread connection = new Thread(() -> serve(socket), "fake-http-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String request = readRequest(in);
        if (request == null) {
          return;
        }
        requests.add(request);
        Answer answer = answers.poll();
        if (answer == null) {
          return;
        }
        out.write(answer.raw().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (answer.close()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away: nothing more to serve on this connection.
    }
  }

  /** The head and Content-Length body of one request, or null at the end of the connection. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1
          : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }
}
