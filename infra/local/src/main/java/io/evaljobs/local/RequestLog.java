package io.evaljobs.local;

import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.observability.RequestOutcome;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * The emulated gateway's line for every request, in the functions' request line format (Function
 * {@value #FUNCTION}): what API Gateway's own metrics would count, including requests no function saw (401, 404,
 * the OpenAPI documents). Requests that reach a function get that function's fuller line too, with the same request
 * id. Never the query string, headers or body, which carry keys and page tokens.
 */
final class RequestLog {
  static final String FUNCTION = "local-gateway";

  private final RequestLogLine line;

  RequestLog(PrintStream out) {
    this.line = new RequestLogLine(out, LogLevel.INFO, Clock.systemUTC(), FUNCTION);
  }

  void request(String requestId, String path, int status, long latencyMillis) {
    line.write(
        new RequestOutcome(
            apiOf(path), requestId, Optional.empty(), QueryShape.UNKNOWN, ReadStats.NONE, 0, status, latencyMillis,
            false));
  }

  /** The API a path belongs to, by the functions' own names; never the path itself, which may hold anything. */
  static String apiOf(String path) {
    if (path.equals("/evaluations")) {
      return "evaluations";
    }
    if (path.equals("/v2/confidence-scoring/jobs")) {
      return "scoring-jobs";
    }
    if (path.startsWith(OpenApiHttpHandler.PREFIX)) {
      return "openapi";
    }
    if (path.equals(DocsHttpHandler.PATH) || path.startsWith(DocsHttpHandler.PATH + "/")) {
      return "docs";
    }
    return "unrouted";
  }
}
