package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTimesTest {

  @ParameterizedTest
  @CsvSource({
    "2024-01-14T00:00:00Z, 2024-01-14T00:00:00Z",
    "2024-01-14T02:00:00+02:00, 2024-01-14T00:00:00Z",
    "2024-01-13T19:30:00-04:30, 2024-01-14T00:00:00Z",
    "2024-01-14T00:00:00.5Z, 2024-01-14T00:00:00.500Z",
    "2024-01-14T00:00:00.123456789Z, 2024-01-14T00:00:00.123456789Z",
    "2024-01-14T00:00Z, 2024-01-14T00:00:00Z",
    "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
    "2024-01-14, 2024-01-14T00:00:00Z",
    "2024-01-14T00:00:00, 2024-01-14T00:00:00Z",
    "2024-01-14T10:20:30.123456, 2024-01-14T10:20:30.123456Z",
    "2024-01-14T00:00:00+00:00, 2024-01-14T00:00:00Z",
    "2024-01-14T00:00:00+0000, 2024-01-14T00:00:00Z",
    "2024-01-14T05:30:00.25+0530, 2024-01-14T00:00:00.250Z",
    "2024-01-13T23:00:00-0100, 2024-01-14T00:00:00Z",
  })
  void parse_isoDateOrDateTime_readsTheInstant(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), IsoDateTimes.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "invalid-date", "2024-01-14T00:00:00.1234567891Z", "2024-13-01T00:00:00Z", "2024-02-30", "2023-02-29T00:00:00",
    "2024-01-14 00:00:00Z", "1705190400", "", "2024-01-14T24:00:01Z", "2024-01-14T00:00:00+25:00",
    "2024-01-14T00:00:00+2500", "2024-01-14T00:00:00+00:0", "2024-01-14T00:00:00+000", "2024-01-14Z",
    "2024-01-14T", "20240114", "2024-1-14", "2024-01-14T00:00:00Z+0000", "2024-01-14T00:00:00 +00:00",
    "14/01/2024", "2024-01-14T00:00:00.1234567891"
  })
  void parse_anythingElse_isRefused(String text) {
    assertEquals(Optional.empty(), IsoDateTimes.parse(text));
  }

  /** Every form the parser promises, written from random instants by java.time's own formatters as the oracle. */
  @Test
  void parse_randomInstantsInEveryForm_readBackTheInstant() {
    Random random = new Random(17);
    for (int i = 0; i < 2_000; i++) {
      int digits = random.nextInt(10);
      long nanos = digits == 0 ? 0 : (random.nextInt(1_000_000_000) / pow10(9 - digits)) * pow10(9 - digits);
      LocalDateTime local =
          LocalDateTime.ofEpochSecond(random.nextInt(2_000_000_000), (int) nanos, ZoneOffset.UTC);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1_800);
      String time = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
          + (digits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, digits));
      Instant asUtc = local.toInstant(ZoneOffset.UTC);
      Instant withOffset = local.atOffset(offset).toInstant();
      String colon = offset.getId().equals("Z") ? "+00:00" : offset.getId();
      assertEquals(Optional.of(asUtc), IsoDateTimes.parse(time), time);
      assertEquals(Optional.of(asUtc), IsoDateTimes.parse(time + "Z"), time);
      assertEquals(Optional.of(withOffset), IsoDateTimes.parse(time + colon), time + colon);
      assertEquals(Optional.of(withOffset), IsoDateTimes.parse(time + colon.replace(":", "")), time + colon);
      assertEquals(
          Optional.of(local.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()),
          IsoDateTimes.parse(local.toLocalDate().toString()));
      assertEquals(Optional.of(OffsetDateTime.of(local, offset).toInstant()), IsoDateTimes.parse(
          OffsetDateTime.of(local, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }
  }

  private static long pow10(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
