package io.evaljobs.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.evaljobs.lambda.Environment;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeployedPageTokensTest {
  private static final Cursor CURSOR = Cursor.atOffset(25).withTotalCount(80);
  private static final String KEYS = TokenKeyring.generateSpec("local", new SecureRandom());

  @Test
  void fromEnvironment_keysVariable_tokensOpenForTheirEndpointOnly() {
    PageTokens evaluations = DeployedPageTokens.fromEnvironment(new Environment(Map.of("PAGE_TOKEN_KEYS", KEYS)), "evaluations");
    PageTokens scoring = DeployedPageTokens.fromEnvironment(new Environment(Map.of("PAGE_TOKEN_KEYS", KEYS)), "scoring-jobs");

    String token = evaluations.encode(CURSOR, "acme", "q");

    assertEquals(CURSOR, evaluations.decode(token, "acme", "q"));
    assertThrows(InvalidPageTokenException.class, () -> scoring.decode(token, "acme", "q"));
  }

  @Test
  void fromEnvironment_secretArn_sealsWithTheSecretsKeys_notTheKeysVariable() throws IOException {
    AtomicInteger reads = new AtomicInteger();
    HttpServer secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    secrets.createContext("/", exchange -> answer(exchange, reads));
    secrets.start();
    try {
      PageTokens fromSecret =
          DeployedPageTokens.fromEnvironment(
              new Environment(Map.of(
                  "PAGE_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:s",
                  "SECRETSMANAGER_ENDPOINT", "http://127.0.0.1:" + secrets.getAddress().getPort(),
                  "AWS_REGION", "us-east-1",
                  "PAGE_TOKEN_KEYS", KEYS)),
              "evaluations");
      PageTokens fromVariable = DeployedPageTokens.fromEnvironment(new Environment(Map.of("PAGE_TOKEN_KEYS", KEYS)), "evaluations");

      String token = fromSecret.encode(CURSOR, "acme", "q");

      assertTrue(reads.get() > 0, "the secret was read");
      assertEquals(CURSOR, fromSecret.decode(token, "acme", "q"));
      assertThrows(InvalidPageTokenException.class, () -> fromVariable.decode(token, "acme", "q"));
    } finally {
      secrets.stop(0);
    }
  }

  @Test
  void fromEnvironment_neitherVariable_refusesToStart() {
    assertThrows(
        IllegalStateException.class,
        () -> DeployedPageTokens.fromEnvironment(
            new Environment(Map.of("PAGE_TOKEN_SECRET_ARN", " ", "PAGE_TOKEN_KEYS", "")), "evaluations"));
  }

  /** Secrets Manager's GetSecretValue: one current version, no previous one. */
  private static void answer(HttpExchange exchange, AtomicInteger reads) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    reads.incrementAndGet();
    int status;
    String reply;
    if (body.contains("AWSCURRENT")) {
      status = 200;
      reply = "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:1:secret:s\",\"Name\":\"s\","
          + "\"VersionId\":\"1111aaaa-2222-bbbb-3333-cccc4444dddd\",\"SecretString\":\"" + "secret-text-".repeat(4)
          + "\",\"VersionStages\":[\"AWSCURRENT\"]}";
    } else {
      status = 400;
      reply = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no such version\"}";
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
