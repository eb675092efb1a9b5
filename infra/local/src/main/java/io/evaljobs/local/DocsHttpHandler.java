package io.evaljobs.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.evaljobs.contract.OpenApiDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code /docs}, where users of a FastAPI service look for an API's documentation: both OpenAPI
 * documents, with "Try it out" sending requests, and the API keys given with "Authorize", to this server. The UI's
 * assets come from the swagger-ui webjar on the class path, nothing from the network. The documents are served
 * under {@code /docs/openapi/} with this server, as the browser reached it, as their first server.
 */
final class DocsHttpHandler implements HttpHandler {
  static final String PATH = "/docs";

  private static final String DOCUMENTS = PATH + "/openapi/";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** What a Host header may be to become the documents' server URL: a host name or address and a port. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String assets;
  private final byte[] page;
  private final RequestLog log;
  private final URI baseUrl;

  DocsHttpHandler(RequestLog log, URI baseUrl) {
    this.assets = WEBJAR + webjarVersion() + "/";
    this.page = page().getBytes(StandardCharsets.UTF_8);
    this.log = log;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    int status;
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        status = send(exchange, 405, "application/json", "{\"message\":\"Method Not Allowed\"}".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(PATH) || path.equals(PATH + "/")) {
        status = send(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.startsWith(DOCUMENTS)) {
        Optional<OpenApiDocument> document = OpenApiDocument.forFileName(path.substring(DOCUMENTS.length()));
        status =
            document.isPresent()
                ? send(exchange, 200, "application/json", withServer(document.get(), origin(exchange)))
                : notFound(exchange);
      } else if (path.startsWith(PATH + "/") && ASSET_NAME.matcher(path.substring(PATH.length() + 1)).matches()) {
        Optional<byte[]> asset = asset(path.substring(PATH.length() + 1));
        status = asset.isPresent() ? send(exchange, 200, contentType(path), asset.get()) : notFound(exchange);
      } else {
        status = notFound(exchange);
      }
    }
    log.request(UUID.randomUUID().toString(), path, status, (System.nanoTime() - start) / 1_000_000);
  }

  /** The page: Swagger UI with both documents, the first one open. */
  private static String page() {
    StringBuilder urls = new StringBuilder();
    for (OpenApiDocument document : OpenApiDocument.values()) {
      try {
        String title = JSON.readTree(document.bytes()).path("info").path("title").asText(document.fileName());
        if (urls.length() > 0) {
          urls.append(",\n          ");
        }
        urls.append("{url: ").append(JSON.writeValueAsString(DOCUMENTS + document.fileName()))
            .append(", name: ").append(JSON.writeValueAsString(title)).append('}');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>evaljobs API docs</title>
          <link rel="stylesheet" href="/docs/swagger-ui.css">
          <link rel="stylesheet" href="/docs/index.css">
          <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/docs/swagger-ui-bundle.js"></script>
          <script src="/docs/swagger-ui-standalone-preset.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              urls: [
                  %s
              ],
              dom_id: "#swagger-ui",
              deepLinking: true,
              persistAuthorization: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              plugins: [SwaggerUIBundle.plugins.DownloadUrl],
              layout: "StandaloneLayout"
            });
          </script>
        </body>
        </html>
        """.formatted(urls);
  }

  /** The document with {@code origin} as its first server, in place of the default local address it names. */
  private static byte[] withServer(OpenApiDocument document, String origin) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(document.bytes());
    ArrayNode servers = JSON.createArrayNode();
    servers.addObject().put("url", origin).put("description", "This local API");
    root.withArray("servers").forEach(server -> {
      String url = server.path("url").asText();
      if (!url.startsWith("http://127.0.0.1") && !url.startsWith("http://localhost")) {
        servers.add(server);
      }
    });
    root.set("servers", servers);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  /** This server as the browser reached it (its Host header), so that "Try it out" stays on the page's origin. */
  private String origin(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null && HOST.matcher(host).matches()) {
      return "http://" + host;
    }
    return baseUrl.toString();
  }

  private Optional<byte[]> asset(String name) throws IOException {
    try (InputStream in = DocsHttpHandler.class.getClassLoader().getResourceAsStream(assets + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  private static String webjarVersion() {
    String properties = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = DocsHttpHandler.class.getClassLoader().getResourceAsStream(properties)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the class path");
      }
      Properties read = new Properties();
      read.load(in);
      return read.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String path) {
    if (path.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (path.endsWith(".png")) {
      return "image/png";
    }
    if (path.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    return "application/json";
  }

  private static int notFound(HttpExchange exchange) throws IOException {
    return send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static int send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }
}
