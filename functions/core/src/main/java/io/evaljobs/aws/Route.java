package io.evaljobs.aws;

import java.util.Locale;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Where a request's connection goes: scheme, host and port. Connections are kept and reused per route. */
record Route(boolean secure, String host, int port) {
  static Route of(SdkHttpRequest request) {
    String protocol = request.protocol().toLowerCase(Locale.ROOT);
    boolean secure;
    if (protocol.equals("https")) {
      secure = true;
    } else if (protocol.equals("http")) {
      secure = false;
    } else {
      throw new IllegalArgumentException("unsupported protocol " + request.protocol());
    }
    int port = request.port() > 0 ? request.port() : defaultPort(secure);
    return new Route(secure, request.host(), port);
  }

  /** The host to resolve and connect to: an IPv6 literal without its brackets. */
  String connectHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The Host header: the port only where it is not the scheme's default, which is how SigV4 signs it. */
  String hostHeader() {
    return port == defaultPort(secure) ? host : host + ":" + port;
  }

  private static int defaultPort(boolean secure) {
    return secure ? 443 : 80;
  }
}
