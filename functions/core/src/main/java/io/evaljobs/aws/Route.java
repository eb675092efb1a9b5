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

  // Written out: a record's generated equals and hashCode bootstrap method handles on first use, which the first
  // request of a cold start would wait for (the pool looks connections up by route).
  @Override
  public boolean equals(Object other) {
    return other instanceof Route route && secure == route.secure && port == route.port && host.equals(route.host);
  }

  @Override
  public int hashCode() {
    return (Boolean.hashCode(secure) * 31 + host.hashCode()) * 31 + port;
  }

  @Override
  public String toString() {
    return (secure ? "https://" : "http://") + host + ":" + port;
  }

  private static int defaultPort(boolean secure) {
    return secure ? 443 : 80;
  }
}
