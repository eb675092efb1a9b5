package io.evaljobs.local;

import picocli.CommandLine.ITypeConverter;

/** An address to listen on, written {@code HOST:PORT} ({@code [::1]:8000} for IPv6); port 0 for any free one. */
public record HostAndPort(String host, int port) {
  public HostAndPort {
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host is empty");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
  }

  public static HostAndPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, e.g. 0.0.0.0:8000, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HOST:PORT, e.g. 0.0.0.0:8000, got '" + text + "'");
    }
    return new HostAndPort(host, port);
  }

  /** For picocli's {@code converter}. */
  public static final class Converter implements ITypeConverter<HostAndPort> {
    @Override
    public HostAndPort convert(String value) {
      return parse(value);
    }
  }
}
