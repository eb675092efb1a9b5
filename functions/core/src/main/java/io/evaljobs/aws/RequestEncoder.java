package io.evaljobs.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Encodes a request line, its headers and its body as the one byte array that is written to the connection. */
final class RequestEncoder {
  private RequestEncoder() {}

  static byte[] encode(SdkHttpRequest request, Route route, byte[] body) {
    StringBuilder head = new StringBuilder(1024);
    String path = request.encodedPath();
    head.append(request.method().name()).append(' ').append(path == null || path.isEmpty() ? "/" : path);
    request.encodedQueryParameters().ifPresent(query -> head.append('?').append(query));
    head.append(" HTTP/1.1\r\n");
    boolean host = false;
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      // The framing of the body is this client's to state, from the bytes it actually sends.
      if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
        continue;
      }
      host |= name.equalsIgnoreCase("Host");
      for (String value : header.getValue()) {
        appendHeader(head, name, value);
      }
    }
    if (!host) {
      appendHeader(head, "Host", route.hostHeader());
    }
    if (body.length > 0 || expectsBody(request.method())) {
      appendHeader(head, "Content-Length", Integer.toString(body.length));
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream whole = new ByteArrayOutputStream(headBytes.length + body.length);
    whole.writeBytes(headBytes);
    whole.writeBytes(body);
    return whole.toByteArray();
  }

  private static boolean expectsBody(SdkHttpMethod method) {
    return method == SdkHttpMethod.POST || method == SdkHttpMethod.PUT || method == SdkHttpMethod.PATCH;
  }

  private static void appendHeader(StringBuilder head, String name, String value) {
    String text = value == null ? "" : value;
    if (!isToken(name) || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("invalid HTTP header " + name);
    }
    head.append(name).append(": ").append(text).append("\r\n");
  }

  private static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 127 || c == ':') {
        return false;
      }
    }
    return true;
  }
}
