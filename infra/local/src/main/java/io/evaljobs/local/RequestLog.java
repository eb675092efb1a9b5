package io.evaljobs.local;

import io.evaljobs.http.Json;
import java.io.PrintStream;
import java.time.Instant;

/** One JSON line per request: never the query string, headers or body, which carry keys and page tokens. */
final class RequestLog {
  private final PrintStream out;

  RequestLog(PrintStream out) {
    this.out = out;
  }

  void request(String requestId, String method, String path, int status, long latencyMillis) {
    String line =
        Json.write(json -> {
          json.writeStartObject();
          json.writeStringField("time", Instant.now().toString());
          json.writeStringField("requestId", requestId);
          json.writeStringField("method", method);
          json.writeStringField("path", path);
          json.writeNumberField("status", status);
          json.writeNumberField("latencyMs", latencyMillis);
          json.writeEndObject();
        });
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
