package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code Link: <url>; rel="next"} header back into the query parameters a client would send. */
final class LinkHeader {
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

  private LinkHeader() {}

  static Optional<Map<String, List<String>>> nextParameters(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = NEXT.matcher(header.get());
    assertTrue(matcher.matches(), header.get());
    URI uri = URI.create(matcher.group(1));
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      parameters.computeIfAbsent(decode(pair.substring(0, equals)), k -> new ArrayList<>())
          .add(decode(pair.substring(equals + 1)));
    }
    return Optional.of(parameters);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
