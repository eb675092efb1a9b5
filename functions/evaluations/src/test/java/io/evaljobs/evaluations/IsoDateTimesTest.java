package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
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
  })
  void parse_dateTimeWithOffset_readsTheInstant(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), IsoDateTimes.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "invalid-date", "2024-01-14", "2024-01-14T00:00:00", "2024-01-14T00:00:00.1234567891Z", "2024-13-01T00:00:00Z",
    "2024-01-14 00:00:00Z", "1705190400", "", "2024-01-14T24:00:01Z", "2024-01-14T00:00:00+25:00"
  })
  void parse_anythingElse_isRefused(String text) {
    assertEquals(Optional.empty(), IsoDateTimes.parse(text));
  }
}
