package io.evaljobs.aws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The status line and headers of an HTTP/1.x response, and how its body is framed. */
record ResponseHead(int status, String reason, boolean http11, Map<String, List<String>> headers) {
  private static final int MAX_LINE_BYTES = 8 * 1024;
  private static final int MAX_HEADERS = 200;

  /** How the body ends: after a known length, after a zero-size chunk, or when the server closes. */
  enum Framing {
    EMPTY,
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  /** Reads the head of the final response, skipping interim 1xx responses. */
  static ResponseHead read(HttpConnection connection) throws IOException {
    while (true) {
      ResponseHead head = readOne(connection);
      if (head.status() >= 200 || head.status() == 101) {
        return head;
      }
    }
  }

  private static ResponseHead readOne(HttpConnection connection) throws IOException {
    String statusLine = connection.readLine(MAX_LINE_BYTES);
    if (!statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
    }
    int firstSpace = statusLine.indexOf(' ');
    int secondSpace = firstSpace < 0 ? -1 : statusLine.indexOf(' ', firstSpace + 1);
    int status;
    try {
      status = Integer.parseInt(statusLine.substring(firstSpace + 1, secondSpace < 0 ? statusLine.length() : secondSpace));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IOException("malformed HTTP status line: " + abbreviate(statusLine));
    }
    String reason = secondSpace < 0 ? "" : statusLine.substring(secondSpace + 1);
    boolean http11 = !statusLine.startsWith("HTTP/1.0");
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String previous = null;
    for (int count = 0; ; count++) {
      String line = connection.readLine(MAX_LINE_BYTES);
      if (line.isEmpty()) {
        break;
      }
      if (count >= MAX_HEADERS) {
        throw new IOException("more than " + MAX_HEADERS + " HTTP response headers");
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
        // An obsolete folded continuation of the previous header's last value.
        List<String> values = headers.get(previous);
        int last = values.size() - 1;
        values.set(last, values.get(last) + " " + line.trim());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed HTTP response header: " + abbreviate(line));
      }
      previous = line.substring(0, colon).trim();
      headers.computeIfAbsent(previous, name -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
    }
    return new ResponseHead(status, reason, http11, headers);
  }

  Optional<String> first(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the server lets the connection carry another request after this response. */
  boolean keepsAlive() {
    Optional<String> connection = first("Connection").map(value -> value.toLowerCase(Locale.ROOT));
    if (http11) {
      return connection.map(value -> !value.contains("close")).orElse(true);
    }
    return connection.map(value -> value.contains("keep-alive")).orElse(false);
  }

  Framing framing(boolean headRequest) throws IOException {
    if (headRequest || status == 204 || status == 304 || status < 200) {
      return Framing.EMPTY;
    }
    Optional<String> transferEncoding = first("Transfer-Encoding");
    if (transferEncoding.isPresent()) {
      if (transferEncoding.get().toLowerCase(Locale.ROOT).endsWith("chunked")) {
        return Framing.CHUNKED;
      }
      return Framing.UNTIL_CLOSE;
    }
    return contentLength().isPresent() ? Framing.LENGTH : Framing.UNTIL_CLOSE;
  }

  Optional<Long> contentLength() throws IOException {
    List<String> values = headers.get("Content-Length");
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    long length = -1;
    for (String value : values) {
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IOException("malformed Content-Length: " + abbreviate(value));
      }
      if (parsed < 0 || (length >= 0 && parsed != length)) {
        throw new IOException("invalid Content-Length: " + abbreviate(value));
      }
      length = parsed;
    }
    return Optional.of(length);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
