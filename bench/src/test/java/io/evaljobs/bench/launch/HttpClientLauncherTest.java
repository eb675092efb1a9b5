package io.evaljobs.bench.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpClientLauncherTest {
  /** What DynamoDB was sent: the operation and the body of each request. */
  private final List<String> received = new CopyOnWriteArrayList<>();

  private HttpServer dynamo;

  @BeforeEach
  void startDynamo() throws IOException {
    dynamo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    dynamo.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream request = exchange.getRequestBody()) {
            body = new String(request.readAllBytes(), StandardCharsets.UTF_8);
          }
          received.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream response = exchange.getResponseBody()) {
            response.write(answer);
          }
        });
    dynamo.start();
  }

  @AfterEach
  void stopDynamo() {
    dynamo.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"url-connection", "apache", "apache5", "crt"})
  void run_eachClient_sendsEveryGetItemAndPrintsItsTimes(String client) {
    Map<String, String> printed = run(client, 3, 5);

    // The first call, the warm-up, the measured loop, then one call after each simulated restore.
    assertEquals(1 + 3 + 5 + HttpClientLauncher.RESTORES, received.size(), () -> "received: " + received);
    for (String request : received) {
      assertTrue(request.startsWith("DynamoDB_20120810.GetItem "), request);
      assertTrue(request.contains("\"TableName\":\"bench-keys\""), request);
      assertTrue(request.contains("\"key_hash\":{\"S\":\"no-such-key\"}"), request);
    }
    assertEquals("5", printed.get("loop_calls"));
    assertEquals(5, printed.get("samples_ns").split(",").length);
    assertEquals(HttpClientLauncher.RESTORES, printed.get("restored_call_ns").split(",").length);
    assertEquals(HttpClientLauncher.RESTORES, printed.get("restore_hooks_ns").split(",").length);
    assertTrue(Arrays.stream(printed.get("samples_ns").split(",")).allMatch(ns -> Long.parseLong(ns) > 0));
    for (String key : List.of("main_entered_us", "client_build_ns", "first_call_ns", "first_response_us", "loop_ns")) {
      assertTrue(Long.parseLong(printed.get(key)) > 0, key + " in " + printed);
    }
    assertTrue(Long.parseLong(printed.get("first_response_us")) >= Long.parseLong(printed.get("main_entered_us")));
  }

  @Test
  void run_coldOnly_sendsOneGetItemAndNoLoop() {
    Map<String, String> printed = run("apache5", 0, 0);

    assertEquals(1, received.size());
    assertEquals("0", printed.get("loop_calls"));
    assertEquals("", printed.get("samples_ns"));
  }

  @Test
  void http_unknownClient_isRefusedByName() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> HttpClientLauncher.http("netty"));

    assertTrue(refused.getMessage().contains("netty"), refused.getMessage());
  }

  private Map<String, String> run(String client, int warmup, int measured) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String endpoint = "http://127.0.0.1:" + dynamo.getAddress().getPort();
    HttpClientLauncher.run(
        new String[] {
          client, endpoint, "bench-keys", "key_hash", Integer.toString(warmup), Integer.toString(measured), "10"
        },
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Map<String, String> printed = new HashMap<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      printed.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return printed;
  }
}
