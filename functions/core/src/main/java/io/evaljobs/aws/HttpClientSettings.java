package io.evaljobs.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The SDK's Apache HTTP client as every AWS client of a function uses it, with timeouts that end a stuck connection
 * well inside the functions' budgets (10 s for the authorizer, 15 s for the APIs) and inside a request's attempt
 * timeout ({@link ExplicitClientSettings#ATTEMPT_TIMEOUT}), so that a retry can still follow. In an AWS region a
 * connect and a TLS handshake take milliseconds; these bounds only matter when something is wrong.
 */
public final class HttpClientSettings {
  /** TCP connect. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /** Waiting for a pooled connection, when every one is busy (a function sends at most two requests at once). */
  static final Duration ACQUISITION_TIMEOUT = Duration.ofMillis(500);

  /** Each read, the TLS handshake's included: Apache sets it on the socket before the handshake. */
  static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1500);

  private HttpClientSettings() {}

  public static SdkHttpClient build() {
    return ApacheHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .connectionAcquisitionTimeout(ACQUISITION_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }
}
