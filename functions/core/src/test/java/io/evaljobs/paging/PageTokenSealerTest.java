package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.paging.InvalidPageTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTokenSealerTest {
  private static final String OLD = TokenKeyring.generateSpec("k1", new SecureRandom());
  private static final String NEW = TokenKeyring.generateSpec("k2", new SecureRandom());
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final TokenBinding BINDING = new TokenBinding("evaluations", "acme", "status=failed");
  private static final byte[] PAYLOAD = "organization=acme;job=job-0001".getBytes(StandardCharsets.UTF_8);

  private static PageTokenSealer sealer(String keys, Instant now) {
    return new PageTokenSealer(TokenKeyring.parse(keys), Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
  }

  @Test
  void open_sealedToken_returnsPayload() {
    PageTokenSealer sealer = sealer(OLD, NOW);
    assertArrayEquals(PAYLOAD, sealer.open(sealer.seal(PAYLOAD, BINDING), BINDING));
  }

  @Test
  void seal_payload_isNotReadableInTheToken() {
    String token = sealer(OLD, NOW).seal(PAYLOAD, BINDING);
    String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
    assertFalse(decoded.contains("acme"));
    assertFalse(decoded.contains("job-0001"));
  }

  @Test
  void open_everySingleBitFlipped_isRejected() {
    PageTokenSealer sealer = sealer(OLD, NOW);
    byte[] raw = Base64.getUrlDecoder().decode(sealer.seal(PAYLOAD, BINDING));
    for (int bit = 0; bit < raw.length * 8; bit++) {
      byte[] flipped = raw.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
      assertThrows(InvalidPageTokenException.class, () -> sealer.open(forged, BINDING), "bit " + bit);
    }
  }

  @Test
  void open_truncatedOrGarbage_isMalformed() {
    PageTokenSealer sealer = sealer(OLD, NOW);
    String token = sealer.seal(PAYLOAD, BINDING);
    for (int length = 0; length < token.length(); length += 3) {
      String truncated = token.substring(0, length);
      assertThrows(InvalidPageTokenException.class, () -> sealer.open(truncated, BINDING));
    }
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[random.nextInt(120)];
      random.nextBytes(junk);
      String garbage = Base64.getUrlEncoder().encodeToString(junk) + (i % 2 == 0 ? "" : "%$*");
      assertThrows(InvalidPageTokenException.class, () -> sealer.open(garbage, BINDING));
    }
    assertThrows(InvalidPageTokenException.class, () -> sealer.open("x".repeat(5000), BINDING));
  }

  @Test
  void open_otherTenantEndpointOrQuery_isNotAuthentic() {
    PageTokenSealer sealer = sealer(OLD, NOW);
    String token = sealer.seal(PAYLOAD, BINDING);
    for (TokenBinding other :
        new TokenBinding[] {
          new TokenBinding("evaluations", "globex", "status=failed"),
          new TokenBinding("scoring-jobs", "acme", "status=failed"),
          new TokenBinding("evaluations", "acme", "status=queued")
        }) {
      InvalidPageTokenException e =
          assertThrows(InvalidPageTokenException.class, () -> sealer.open(token, other));
      assertEquals(Reason.NOT_AUTHENTIC, e.reason());
    }
  }

  @Test
  void open_afterLifetime_isExpired() {
    String token = sealer(OLD, NOW).seal(PAYLOAD, BINDING);
    InvalidPageTokenException e =
        assertThrows(
            InvalidPageTokenException.class,
            () -> sealer(OLD, NOW.plus(Duration.ofHours(1)).plusSeconds(1)).open(token, BINDING));
    assertEquals(Reason.EXPIRED, e.reason());
  }

  @Test
  void open_afterRotation_oldTokensStillOpenUntilTheOldKeyIsRetired() {
    String sealedWithOld = sealer(OLD, NOW).seal(PAYLOAD, BINDING);
    assertArrayEquals(PAYLOAD, sealer(NEW + "," + OLD, NOW).open(sealedWithOld, BINDING));
    InvalidPageTokenException e =
        assertThrows(InvalidPageTokenException.class, () -> sealer(NEW, NOW).open(sealedWithOld, BINDING));
    assertEquals(Reason.UNKNOWN_KEY, e.reason());
  }

  @Test
  void parse_badKeySpecs_areRefused() {
    for (String spec : new String[] {"", "nokey", "k:notbase64!", "k:" + Base64.getEncoder().encodeToString(new byte[16]),
        "bad id:" + Base64.getEncoder().encodeToString(new byte[32]), OLD + "," + OLD}) {
      assertThrows(IllegalArgumentException.class, () -> TokenKeyring.parse(spec), spec);
    }
  }
}
