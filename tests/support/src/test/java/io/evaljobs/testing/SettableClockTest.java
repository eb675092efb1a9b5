package io.evaljobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SettableClockTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void instant_onlyMovesWhenTheTestSetsOrAdvancesIt() {
    SettableClock clock = new SettableClock(START);
    assertEquals(START, clock.instant());
    assertEquals(START, clock.instant());

    clock.advance(Duration.ofSeconds(90).plusNanos(1));
    assertEquals(START.plusSeconds(90).plusNanos(1), clock.instant());

    clock.set(START.minusSeconds(5));
    assertEquals(START.minusSeconds(5), clock.instant());
    assertEquals(START.minusSeconds(5).toEpochMilli(), clock.millis());
  }

  @Test
  void withZone_anyZone_isTheSameUtcClock() {
    SettableClock clock = new SettableClock(START);

    assertEquals(ZoneOffset.UTC, clock.getZone());
    assertSame(clock, clock.withZone(ZoneId.of("Asia/Tokyo")));
  }
}
