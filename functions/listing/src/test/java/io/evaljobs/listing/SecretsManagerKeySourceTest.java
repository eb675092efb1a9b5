package io.evaljobs.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.paging.PageTokenSealer;
import io.evaljobs.paging.TokenBinding;
import io.evaljobs.paging.TokenKeySource;
import io.evaljobs.testing.SettableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Runs the real Secrets Manager client against a loopback stand-in of the service's JSON protocol, so that reading,
 * rotation and failures go through the same request and response handling as in AWS.
 */
class SecretsManagerKeySourceTest {
  private static final Pattern STAGE = Pattern.compile("\"VersionStage\"\\s*:\\s*\"([A-Z]+)\"");
  private static final TokenBinding BINDING = new TokenBinding("evaluations", "acme", "q");
  private static final byte[] PAYLOAD = {1, 2, 3};

  /** Secret versions by stage, as the stand-in serves them. */
  private final Map<String, String[]> stages = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile boolean failing;
  private HttpServer server;
  private SecretsManagerClient client;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T00:00:00Z"));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client =
        SecretsManagerClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    stages.put("AWSCURRENT", new String[] {"1111aaaa-2222-bbbb-3333-cccc4444dddd", "first-secret-".repeat(4)});
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    reads.incrementAndGet();
    Matcher stage = STAGE.matcher(body);
    String[] version = stage.find() ? stages.get(stage.group(1)) : null;
    String reply;
    int status;
    if (failing) {
      status = 500;
      reply = "{\"__type\":\"InternalServiceError\",\"message\":\"down\"}";
    } else if (version == null) {
      status = 400;
      reply = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no such version\"}";
    } else {
      status = 200;
      reply = "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:1:secret:s\",\"Name\":\"s\",\"VersionId\":\"" + version[0]
          + "\",\"SecretString\":\"" + version[1] + "\",\"VersionStages\":[\"" + stage.group(1) + "\"]}";
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private PageTokenSealer sealer(TokenKeySource source) {
    return new PageTokenSealer(source, clock, Duration.ofHours(24));
  }

  private void rotate(String newVersionId, String newSecret) {
    stages.put("AWSPREVIOUS", stages.get("AWSCURRENT"));
    stages.put("AWSCURRENT", new String[] {newVersionId, newSecret});
  }

  @Test
  void keyring_currentVersionOnly_sealsWithIt() {
    SecretsManagerKeySource source = new SecretsManagerKeySource(client, "s", clock);
    assertEquals("sm1111aaaa2222", source.keyring().currentId());
    PageTokenSealer sealer = sealer(source);
    assertArrayEquals(PAYLOAD, sealer.open(sealer.seal(PAYLOAD, BINDING), BINDING));
  }

  @Test
  void open_tokenOfAKeyRotatedInElsewhere_reReadsTheSecretOnce() {
    PageTokenSealer here = sealer(new SecretsManagerKeySource(client, "s", clock));
    rotate("9999ffff-0000-aaaa-1111-bbbb2222cccc", "second-secret-".repeat(4));
    PageTokenSealer elsewhere = sealer(new SecretsManagerKeySource(client, "s", clock));
    String token = elsewhere.seal(PAYLOAD, BINDING);

    assertThrows(InvalidPageTokenException.class, () -> here.open(token, BINDING), "too soon to re-read");
    clock.advance(SecretsManagerKeySource.MIN_RELOAD_INTERVAL.plusSeconds(1));
    assertArrayEquals(PAYLOAD, here.open(token, BINDING));
  }

  @Test
  void keyring_afterTheRefreshInterval_sealsWithTheNewKeyAndStillOpensThePrevious() {
    SecretsManagerKeySource source = new SecretsManagerKeySource(client, "s", clock);
    PageTokenSealer sealer = sealer(source);
    String beforeRotation = sealer.seal(PAYLOAD, BINDING);
    rotate("9999ffff-0000-aaaa-1111-bbbb2222cccc", "second-secret-".repeat(4));
    clock.advance(SecretsManagerKeySource.REFRESH_INTERVAL.plusSeconds(1));

    assertEquals("sm9999ffff0000", source.keyring().currentId());
    assertArrayEquals(PAYLOAD, sealer.open(beforeRotation, BINDING));
    assertArrayEquals(PAYLOAD, sealer.open(sealer.seal(PAYLOAD, BINDING), BINDING));
  }

  @Test
  void keyring_storeDownAtRefresh_keepsTheKeysInHand() {
    SecretsManagerKeySource source = new SecretsManagerKeySource(client, "s", clock);
    String id = source.keyring().currentId();
    failing = true;
    clock.advance(SecretsManagerKeySource.REFRESH_INTERVAL.plusSeconds(1));
    int before = reads.get();
    assertEquals(id, source.keyring().currentId());
    assertEquals(true, reads.get() > before, "the secret was asked for again");
    int after = reads.get();
    assertEquals(id, source.keyring().currentId());
    assertEquals(after, reads.get(), "no second attempt within the interval");
  }

  @Test
  void constructor_storeDown_refusesToStart() {
    failing = true;
    assertThrows(RuntimeException.class, () -> new SecretsManagerKeySource(client, "s", clock));
  }
}
