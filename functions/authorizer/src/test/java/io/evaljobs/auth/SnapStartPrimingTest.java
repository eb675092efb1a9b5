package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the SnapStart primer sends: a key no one holds, for each API, looked up and refused. */
class SnapStartPrimingTest {

  @Test
  void primingEvents_unknownKeys_areLookedUpAndRefused() {
    AtomicInteger lookups = new AtomicInteger();
    ApiKeyAuthorizerHandler handler =
        new ApiKeyAuthorizerHandler(hash -> {
          lookups.incrementAndGet();
          return Optional.empty();
        });
    List<String> events = ApiKeyAuthorizerHandler.primingEvents();
    assertEquals(2, events.size());
    for (String event : events) {
      UnauthorizedException refused =
          assertThrows(
              UnauthorizedException.class,
              () -> handler.handleRequest(AuthorizerEvents.stream(event), new ByteArrayOutputStream(), null));
      assertEquals("Unauthorized", refused.getMessage());
    }
    assertEquals(2, lookups.get(), "each priming event reached the key table lookup");
  }

  @Test
  void primingKeys_haveTheShapeOfAKey_soTheyReachTheLookup() {
    assertTrue(ApiKeyFormat.isWellFormed(ApiKeyAuthorizerHandler.PRIMING_KEY));
    assertTrue(ApiKeyFormat.isWellFormed(KnownKeyPrimer.KNOWN_KEY));
  }
}
