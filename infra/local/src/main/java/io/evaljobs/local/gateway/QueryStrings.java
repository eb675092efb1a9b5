package io.evaljobs.local.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a raw query string into parameters as API Gateway REST APIs do: '&' separates, the first '=' splits name
 * from value, a name without '=' has the empty value, '+' is a space and %XX escapes are UTF-8 bytes. An escape
 * that is not two hex digits is kept as written rather than refused.
 */
final class QueryStrings {
  private QueryStrings() {}

  static Map<String, List<String>> parse(Optional<String> rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty() || rawQuery.get().isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.get().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name.isEmpty()) {
        continue;
      }
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 3;
      } else {
        int end = i + Character.charCount(text.codePointAt(i));
        byte[] raw = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
