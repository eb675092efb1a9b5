package io.evaljobs.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The SDK's Apache 5 HTTP client (its default, built on the maintained Apache HttpClient 5) as every AWS client of a
 * function uses it, with timeouts that end a stuck connection well inside the functions' budgets (10 s for the
 * authorizer, 15 s for the APIs) and inside a request's attempt timeout ({@link ExplicitClientSettings#ATTEMPT_TIMEOUT}),
 * so that a retry can still follow. In an AWS region a connect and a TLS handshake take milliseconds; these bounds
 * only matter when something is wrong.
 */
public final class HttpClientSettings {
  /** TCP connect. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /** Waiting for a pooled connection, when every one is busy (a function sends at most two requests at once). */
  static final Duration ACQUISITION_TIMEOUT = Duration.ofMillis(500);

  /** Each read of a response. The attempt timeout bounds acquisition, connect and TLS handshake together. */
  static final Duration SOCKET_TIMEOUT = Duration.ofMillis(1500);

  private HttpClientSettings() {}

  public static SdkHttpClient build() {
    return Apache5HttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .connectionAcquisitionTimeout(ACQUISITION_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }
}
