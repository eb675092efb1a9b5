package io.evaljobs.security;

import java.util.List;
import java.util.Random;

/** Strings an attacker or a broken client would send: expression syntax, escapes, control characters, unicode. */
final class HostileText {
  static final List<String> ADVERSARIAL =
      List.of(
          "", " ", "#pk = :pk OR begins_with(#sk, :v)", ")", "(", ":", ":pk", "#", "##", "\\", "\\\\", "#\\#",
          "a#b", "' OR '1'='1", "\" OR \"\"=\"", "${jndi:ldap://x/a}", "%00", "%", "%%", "%2F..%2F", "../../etc/passwd",
          "<script>alert(1)</script>", "\u0000", "\u0001\u0002\u001f", "\r\n", "\r\nSet-Cookie: a=b", "\t", "\u007f",
          "\u2028\u2029", "\ufeff", "\uffff", "🙂", "Σ", "組織", "null", "true", "[]", "{}", "NaN", "Infinity",
          "-0", "0", "1", "-1", "100", "101", "10000", "10001", "99999999999999999999999999", "1e3", "0x10", " 5",
          "5 ", "+5", "1.0", "１２", "٣", "attribute_exists(organization)", "size(#a) > :b", "contains(a, b)",
          "#pk = :pk", ":pk AND #sk BETWEEN :a AND :b", "judge-1", "agent-1", "c", "b#c",
          // Dates in the forms clients write, and near misses of them.
          "2024-03-01", "2024-03-01T01:00:00", "2024-03-01T01:00:00+0000", "2024-03-01T01:00:00.000000001+00:00",
          "2024-03-01T01:00:00 00:00", "2024-03-01T01:00:00+00", "2024-02-30", "2024-03-01T25:00:00", "2024-03-01Z",
          "9999-12-31T23:59:59.999999999-1800", "0000-01-01");

  private HostileText() {}

  static String any(Random random) {
    switch (random.nextInt(6)) {
      case 0:
      case 1:
        return ADVERSARIAL.get(random.nextInt(ADVERSARIAL.size()));
      case 2:
        return randomChars(random, random.nextInt(40));
      case 3:
        return randomBase64Url(random, 1 + random.nextInt(200));
      case 4:
        return Long.toString(random.nextLong() % (random.nextBoolean() ? 200 : Long.MAX_VALUE));
      default:
        return ADVERSARIAL.get(random.nextInt(ADVERSARIAL.size())) + randomChars(random, random.nextInt(8));
    }
  }

  /** Code points from every range that matters: ASCII, controls, BMP, astral; well-formed UTF-16 only. */
  static String randomChars(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      int codePoint;
      if (kind < 5) {
        codePoint = 0x20 + random.nextInt(0x5f);
      } else if (kind < 6) {
        codePoint = random.nextInt(0x20);
      } else if (kind < 8) {
        codePoint = 0xa0 + random.nextInt(0xd7ff - 0xa0);
      } else if (kind < 9) {
        codePoint = 0xe000 + random.nextInt(0x2000);
      } else {
        codePoint = 0x10000 + random.nextInt(0x10ffff - 0x10000);
      }
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  static String randomBase64Url(Random random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  static String huge(Random random) {
    int length = 100_000 + random.nextInt(900_000);
    StringBuilder text = new StringBuilder(length);
    String unit = ADVERSARIAL.get(random.nextInt(ADVERSARIAL.size())) + "x";
    while (text.length() < length) {
      text.append(unit);
    }
    return text.toString();
  }
}
