package io.evaljobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.OpenApiDocument;
import io.evaljobs.local.demo.DemoKeys;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Swagger UI at /docs: the page, every asset it loads from this server, and "Try it out" with the demo keys. */
class DocsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final Map<String, String> KEY_HEADERS =
      Map.of("evaluations.json", "X-API-Key", "scoring-jobs.json", "Meibel-API-Key");

  private static LocalServer server;

  @BeforeAll
  static void start() {
    server =
        LocalServer.start(
            new LocalApiSettings("127.0.0.1", 0, Optional.empty(), "us-east-1", true, 60, Optional.empty()),
            new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return send("GET", server.baseUrl() + path, Map.of());
  }

  @Test
  void page_loadsEveryAssetFromThisServer_nothingFromTheNetwork() throws Exception {
    HttpResponse<byte[]> page = get("/docs");
    assertEquals(200, page.statusCode());
    assertEquals(Optional.of("text/html; charset=utf-8"), page.headers().firstValue("Content-Type"));
    String html = new String(page.body(), StandardCharsets.UTF_8);
    List<String> references = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(html);
    while (matcher.find()) {
      references.add(matcher.group(1));
    }
    assertTrue(references.size() >= 4, references.toString());
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"), html);
    for (String reference : references) {
      assertTrue(reference.startsWith("/docs/"), reference);
      HttpResponse<byte[]> asset = get(reference);
      assertEquals(200, asset.statusCode(), reference);
      assertTrue(asset.body().length > 0, reference);
      String type = asset.headers().firstValue("Content-Type").orElse("");
      assertTrue(
          reference.endsWith(".js") ? type.startsWith("text/javascript")
              : reference.endsWith(".css") ? type.startsWith("text/css") : type.startsWith("image/png"),
          reference + " " + type);
    }
    assertTrue(html.contains("SwaggerUIBundle("), html);
    assertTrue(get("/docs/swagger-ui-bundle.js").body().length > 500_000, "Swagger UI's bundle itself");
    for (OpenApiDocument document : OpenApiDocument.values()) {
      assertTrue(html.contains("\"/docs/openapi/" + document.fileName() + "\""), document.fileName());
    }
  }

  @Test
  void documents_nameThisServerFirst_keepTheDeployedOne_andDeclareTheKeyHeader() throws Exception {
    for (OpenApiDocument document : OpenApiDocument.values()) {
      HttpResponse<byte[]> response = get("/docs/openapi/" + document.fileName());
      assertEquals(200, response.statusCode(), document.fileName());
      JsonNode served = JSON.readTree(response.body());
      JsonNode original = JSON.readTree(document.bytes());
      assertEquals(server.baseUrl().toString(), served.at("/servers/0/url").asText(), document.fileName());
      assertTrue(served.get("servers").toString().contains("execute-api"), "the deployed server stays listed");
      assertEquals(original.get("paths"), served.get("paths"), "only the servers differ");
      assertEquals(original.get("components"), served.get("components"));
      assertTrue(apiKeyHeaders(served).contains(KEY_HEADERS.get(document.fileName())), document.fileName());
    }
  }

  @Test
  void documents_serverFollowsTheHostTheBrowserUsed() throws Exception {
    String localhost = "http://localhost:" + server.port();
    HttpResponse<byte[]> response =
        send("GET", localhost + "/docs/openapi/evaluations.json", Map.of());
    assertEquals(localhost, JSON.readTree(response.body()).at("/servers/0/url").asText());
  }

  @Test
  void tryItOut_withThePrintedDemoKeys_answersFromTheDocumentsServer() throws Exception {
    Map<String, String> keys =
        Map.of("evaluations.json", DemoKeys.ACME_EVALUATIONS.secret(),
            "scoring-jobs.json", DemoKeys.ACME_SUPPORT_BOT_SCORING.secret());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Banner.print(new PrintStream(printed, true, StandardCharsets.UTF_8), server, true);
    String banner = printed.toString(StandardCharsets.UTF_8);
    assertTrue(banner.contains(server.baseUrl() + "/docs"), banner);
    for (OpenApiDocument document : OpenApiDocument.values()) {
      JsonNode served = JSON.readTree(get("/docs/openapi/" + document.fileName()).body());
      String path = served.get("paths").fieldNames().next();
      String header = KEY_HEADERS.get(document.fileName());
      String key = keys.get(document.fileName());
      assertTrue(banner.contains(key), "the banner prints " + key);
      HttpResponse<byte[]> answer =
          send("GET", served.at("/servers/0/url").asText() + path + "?limit=2", Map.of(header, key));
      assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void docs_unknownAssetsPathsAndMethods_areRefused() throws Exception {
    assertEquals(404, get("/docs/nothing.js").statusCode());
    assertEquals(404, get("/docs/..%2Fpom.xml").statusCode());
    assertEquals(404, get("/docs/openapi/pom.xml").statusCode());
    assertEquals(404, get("/docsify").statusCode());
    assertEquals(405, send("POST", server.baseUrl() + "/docs", Map.of()).statusCode());
  }

  private static List<String> apiKeyHeaders(JsonNode document) {
    List<String> headers = new ArrayList<>();
    document.at("/components/securitySchemes").forEach(scheme -> {
      if (scheme.path("type").asText().equals("apiKey") && scheme.path("in").asText().equals("header")) {
        headers.add(scheme.path("name").asText());
      }
    });
    return headers;
  }
}
