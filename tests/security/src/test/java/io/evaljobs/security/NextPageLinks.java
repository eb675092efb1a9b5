package io.evaljobs.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the page token out of the scoring API's {@code Link: <...offset=TOKEN>; rel="next"} header. */
final class NextPageLinks {
  private static final Pattern NEXT_OFFSET = Pattern.compile("[?&]offset=([^&>]*)");

  private NextPageLinks() {}

  static Optional<String> offset(String link) {
    Matcher matcher = NEXT_OFFSET.matcher(link);
    return matcher.find()
        ? Optional.of(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8))
        : Optional.empty();
  }
}
