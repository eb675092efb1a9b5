package io.evaljobs.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.auth.ApiKeyRecord;
import io.evaljobs.auth.ApiName;
import io.evaljobs.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyExpiryTest {
  @Test
  void lifetime_daysHoursMinutes_areRead() {
    assertEquals(Duration.ofDays(90), KeyExpiry.lifetime("90d"));
    assertEquals(Duration.ofHours(12), KeyExpiry.lifetime("12h"));
    assertEquals(Duration.ofMinutes(30), KeyExpiry.lifetime("30m"));
    assertEquals(Duration.ofDays(999_999), KeyExpiry.lifetime("999999d"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "90", "d", "0d", "-1d", "90D", "90 d", "1.5d", "90s", "P90D", "1000000d", "9d9h"})
  void lifetime_otherText_isRefusedWithTheExpectedForm(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyExpiry.lifetime(text));
    assertEquals(true, e.getMessage().contains("90d"), e.getMessage());
  }

  @Test
  void instant_isoInstantOrUtcDate_isRead() {
    assertEquals(Instant.parse("2027-01-31T12:00:00Z"), KeyExpiry.instant("2027-01-31T12:00:00Z"));
    assertEquals(Instant.parse("2027-01-31T00:00:00Z"), KeyExpiry.instant("2027-01-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tomorrow", "2027-13-01", "2027-01-31T12:00:00", "31/01/2027", "2027-01-31 12:00"})
  void instant_otherText_isRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> KeyExpiry.instant(text));
  }

  @Test
  void listStatus_revokedWinsOverExpired_andExpiredStartsAtTheExpiry() {
    Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
    ApiKeyRecord expiring = new ApiKeyRecord("k", ApiName.EVALUATIONS, new Tenant.Organization("o"), "n", false,
        Instant.EPOCH, Optional.empty(), Optional.of(expiry));
    ApiKeyRecord revoked = new ApiKeyRecord("k", ApiName.EVALUATIONS, new Tenant.Organization("o"), "n", true,
        Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of(expiry));

    assertEquals("active", ListKeysCommand.status(expiring, expiry.minusNanos(1000)));
    assertEquals("expired", ListKeysCommand.status(expiring, expiry));
    assertEquals("revoked 1970-01-01T00:00:00Z", ListKeysCommand.status(revoked, expiry.plusSeconds(1)));
  }
}
