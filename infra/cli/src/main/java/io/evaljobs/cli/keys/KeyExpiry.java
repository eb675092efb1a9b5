package io.evaljobs.cli.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the expiry options of {@code keys create}: a lifetime such as {@code 90d}, or an instant or UTC date. */
final class KeyExpiry {
  private static final Pattern LIFETIME = Pattern.compile("([1-9][0-9]{0,5})([dhm])");

  private KeyExpiry() {}

  /** {@code 90d}, {@code 12h} or {@code 30m}: days, hours or minutes. */
  static Duration lifetime(String text) {
    Matcher m = LIFETIME.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a number of days, hours or minutes such as 90d, 12h or 30m, but was '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  /** An ISO-8601 instant ({@code 2027-01-31T12:00:00Z}) or a date ({@code 2027-01-31}, its first moment in UTC). */
  static Instant instant(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an instant such as 2027-01-31T12:00:00Z or a date such as 2027-01-31, but was '" + text + "'");
    }
  }
}
