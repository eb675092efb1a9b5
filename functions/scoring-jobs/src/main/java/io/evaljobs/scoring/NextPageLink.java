package io.evaljobs.scoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.http.ProxyRequests;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The RFC 8288 {@code Link} header announcing the next page: the same filters and limit (none when the request gave
 * none), plus the page token as {@code offset}. Absolute when the request names its host, else a path-absolute
 * reference.
 */
final class NextPageLink {
  // Only hosts that cannot smuggle anything into the header or point the link elsewhere than a host name.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
  private static final String UNRESERVED_PATH_CHARS = "-._~!$&'()*+,;=:@/";

  private NextPageLink() {}

  static String headerValue(APIGatewayProxyRequestEvent request, ScoringJobQuery query, String token) {
    StringBuilder url = new StringBuilder();
    Optional<String> host = ProxyRequests.header(request, "Host").map(String::trim).filter(h -> HOST.matcher(h).matches());
    if (host.isPresent()) {
      url.append(scheme(request)).append("://").append(host.get());
    }
    String path = ProxyRequests.requestPath(request);
    url.append(encodePath(path.startsWith("/") ? path : "/" + path));
    char separator = '?';
    for (JobFilter filter : JobFilter.values()) {
      Optional<String> value = query.filters().valueOf(filter);
      if (value.isPresent()) {
        url.append(separator).append(filter.fieldName()).append('=').append(encodeComponent(value.get()));
        separator = '&';
      }
    }
    if (query.limit().isPresent()) {
      url.append(separator).append(ScoringJobQueryParser.LIMIT).append('=').append(query.limit().getAsInt());
      separator = '&';
    }
    url.append(separator).append(ScoringJobQueryParser.OFFSET).append('=').append(encodeComponent(token));
    return "<" + url + ">; rel=\"next\"";
  }

  private static String scheme(APIGatewayProxyRequestEvent request) {
    String proto =
        ProxyRequests.header(request, "X-Forwarded-Proto").map(p -> p.split(",")[0].trim().toLowerCase(Locale.ROOT)).orElse("https");
    return proto.equals("http") ? "http" : "https";
  }

  /** Percent-encodes all but RFC 3986 unreserved characters, so a value can never end the URL or the header. */
  static String encodeComponent(String value) {
    return encode(value, "-._~");
  }

  private static String encodePath(String path) {
    return encode(path, UNRESERVED_PATH_CHARS);
  }

  private static String encode(String value, String alsoAllowed) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || alsoAllowed.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
