package io.evaljobs.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.evaljobs.contract.OpenApiDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Serves the APIs' OpenAPI documents at {@code /openapi/<file>}, without a key: they describe, they hold no data. */
final class OpenApiHttpHandler implements HttpHandler {
  static final String PREFIX = "/openapi/";

  private final Map<OpenApiDocument, byte[]> documents = new EnumMap<>(OpenApiDocument.class);
  private final RequestLog log;

  OpenApiHttpHandler(RequestLog log) {
    for (OpenApiDocument document : OpenApiDocument.values()) {
      documents.put(document, document.bytes());
    }
    this.log = log;
  }

  /** The path each document is served at. */
  static String pathOf(OpenApiDocument document) {
    return PREFIX + document.fileName();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    int status;
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Optional<OpenApiDocument> document =
          path.startsWith(PREFIX) ? OpenApiDocument.forFileName(path.substring(PREFIX.length())) : Optional.empty();
      if (document.isEmpty()) {
        status = 404;
        send(exchange, status, "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        status = 405;
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, status, "{\"message\":\"Method Not Allowed\"}".getBytes(StandardCharsets.UTF_8));
      } else {
        status = 200;
        send(exchange, status, documents.get(document.get()));
      }
    }
    log.request(UUID.randomUUID().toString(), path, status, (System.nanoTime() - start) / 1_000_000);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
