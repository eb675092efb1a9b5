package io.evaljobs.aws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.Abortable;

/**
 * A response body read straight from its connection. The connection goes back to the pool the moment the body's last
 * byte has been read (also when the reader never closes the stream); a body closed or aborted before its end closes
 * the connection instead, since unread bytes would corrupt the next exchange.
 */
final class ResponseBody extends InputStream implements Abortable {
  private static final int MAX_CHUNK_LINE_BYTES = 1024;
  private static final int MAX_TRAILER_LINE_BYTES = 8 * 1024;

  private final HttpConnection connection;
  private final ConnectionPool pool;
  private final ResponseHead.Framing framing;
  private final boolean reusable;
  private long remaining;
  private boolean done;

  ResponseBody(HttpConnection connection, ConnectionPool pool, ResponseHead head, boolean headRequest)
      throws IOException {
    this.connection = connection;
    this.pool = pool;
    this.framing = head.framing(headRequest);
    this.reusable = head.keepsAlive() && framing != ResponseHead.Framing.UNTIL_CLOSE;
    this.remaining = framing == ResponseHead.Framing.LENGTH ? head.contentLength().orElse(0L) : 0;
    if (framing == ResponseHead.Framing.EMPTY
        || (framing == ResponseHead.Framing.LENGTH && remaining == 0)) {
      finish();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (done) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    try {
      if (framing == ResponseHead.Framing.CHUNKED && remaining == 0 && !nextChunk()) {
        return -1;
      }
      int wanted = framing == ResponseHead.Framing.UNTIL_CLOSE ? length : (int) Math.min(length, remaining);
      int n = connection.read(target, offset, wanted);
      if (n < 0) {
        if (framing == ResponseHead.Framing.UNTIL_CLOSE) {
          finish();
          return -1;
        }
        throw new EOFException("connection closed before the end of the response body");
      }
      if (framing != ResponseHead.Framing.UNTIL_CLOSE) {
        remaining -= n;
        if (remaining == 0) {
          if (framing == ResponseHead.Framing.LENGTH) {
            finish();
          } else {
            endOfChunk();
          }
        }
      }
      return n;
    } catch (IOException | RuntimeException e) {
      done = true;
      connection.close();
      throw e;
    }
  }

  @Override
  public int available() {
    if (done) {
      return 0;
    }
    int buffered = connection.buffered();
    return framing == ResponseHead.Framing.UNTIL_CLOSE ? buffered : (int) Math.min(buffered, remaining);
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      connection.close();
    }
  }

  @Override
  public void abort() {
    close();
  }

  /** Reads the next chunk's size line; false (and the body is finished) at the last, empty chunk. */
  private boolean nextChunk() throws IOException {
    String line = connection.readLine(MAX_CHUNK_LINE_BYTES);
    int extension = line.indexOf(';');
    String size = (extension < 0 ? line : line.substring(0, extension)).trim();
    try {
      remaining = Long.parseLong(size, 16);
    } catch (NumberFormatException e) {
      throw new IOException("malformed chunk size: " + size);
    }
    if (remaining < 0) {
      throw new IOException("malformed chunk size: " + size);
    }
    if (remaining > 0) {
      return true;
    }
    // Trailer fields, if any, end with an empty line.
    while (!connection.readLine(MAX_TRAILER_LINE_BYTES).isEmpty()) {
      // Trailers carry nothing this client needs.
    }
    finish();
    return false;
  }

  private void endOfChunk() throws IOException {
    if (!connection.readLine(MAX_CHUNK_LINE_BYTES).isEmpty()) {
      throw new IOException("chunk data longer than its declared size");
    }
  }

  private void finish() {
    done = true;
    if (reusable) {
      pool.release(connection);
    } else {
      connection.close();
    }
  }
}
