package io.evaljobs.aws;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One open HTTP/1.1 connection: writes a whole request at once and reads the response through its own buffer, so
 * that the status line and headers are parsed without a reader per line.
 */
final class HttpConnection implements Closeable {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final Route route;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private long received;
  private int exchanges;
  private long idleSinceNanos;
  private volatile boolean closed;

  HttpConnection(Route route, Socket socket) throws IOException {
    this.route = route;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  Route route() {
    return route;
  }

  /** Whether an earlier exchange used this connection: only such a connection can have gone stale. */
  boolean reused() {
    return exchanges > 1;
  }

  /** Whether any byte of the current exchange's response has arrived. */
  boolean responseStarted() {
    return received > 0;
  }

  boolean isClosed() {
    return closed;
  }

  /** Sends one complete request (head and body) in a single write. */
  void send(byte[] request) throws IOException {
    exchanges++;
    received = 0;
    out.write(request);
    out.flush();
  }

  /** One line without its CRLF (or bare LF), as ISO-8859-1; fails past {@code maxBytes}. */
  String readLine(int maxBytes) throws IOException {
    int scanned = 0;
    while (true) {
      for (int i = position + scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
          position = i + 1;
          return line;
        }
      }
      scanned = limit - position;
      if (scanned >= maxBytes) {
        throw new IOException("HTTP response line longer than " + maxBytes + " bytes");
      }
      if (fill() < 0) {
        throw new EOFException("connection closed in the middle of the response head");
      }
    }
  }

  /** Up to {@code length} body bytes, or -1 at the end of the stream. */
  int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= buffer.length) {
        int n = in.read(target, offset, length);
        if (n > 0) {
          received += n;
        }
        return n;
      }
      if (fill() < 0) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /** Bytes already in the buffer, readable without blocking. */
  int buffered() {
    return limit - position;
  }

  void markIdle(long nanos) {
    idleSinceNanos = nanos;
  }

  long idleSince() {
    return idleSinceNanos;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do about a socket that fails to close: it is dropped either way.
    }
  }

  private int fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      throw new IOException("HTTP response head larger than " + buffer.length + " bytes");
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n > 0) {
      limit += n;
      received += n;
    }
    return n;
  }
}
