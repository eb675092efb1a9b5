package io.evaljobs.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.evaljobs.local.gateway.ApiGateway;
import io.evaljobs.local.gateway.GatewayReply;
import io.evaljobs.local.gateway.IncomingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Hands each HTTP exchange to the emulated API Gateway and writes its reply back. */
final class GatewayHttpHandler implements HttpHandler {
  private final ApiGateway gateway;
  private final RequestLog log;

  GatewayHttpHandler(ApiGateway gateway, RequestLog log) {
    this.gateway = gateway;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String requestId = UUID.randomUUID().toString();
    String path = exchange.getRequestURI().getPath();
    int status = 500;
    try (exchange) {
      drain(exchange.getRequestBody());
      GatewayReply reply;
      try {
        reply = gateway.handle(request(exchange, path), requestId);
      } catch (RuntimeException e) {
        System.err.println("request " + requestId + " failed: " + e);
        reply =
            new GatewayReply(500, Map.of("Content-Type", List.of("application/json")),
                "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
      }
      status = reply.statusCode();
      write(exchange, reply);
    } finally {
      log.request(requestId, path, status, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static IncomingRequest request(HttpExchange exchange, String path) {
    return new IncomingRequest(
        exchange.getRequestMethod(),
        path,
        Optional.ofNullable(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(),
        exchange.getRemoteAddress().getAddress().getHostAddress());
  }

  private static void write(HttpExchange exchange, GatewayReply reply) throws IOException {
    reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(reply.statusCode(), head || reply.body().length == 0 ? -1 : reply.body().length);
    if (!head && reply.body().length > 0) {
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(reply.body());
      }
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    while (body.read(buffer) >= 0) {
      // A GET API has no use for a body; read it so the connection can be reused.
    }
  }
}
