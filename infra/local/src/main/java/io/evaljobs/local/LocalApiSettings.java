package io.evaljobs.local;

import java.net.URI;
import java.util.Optional;

/**
 * How to run the local API: where to listen, which DynamoDB to use (embedded DynamoDB Local when empty), whether
 * and how much demo data to load, and the page token keys (a fresh random key when empty).
 */
public record LocalApiSettings(
    String host,
    int port,
    Optional<URI> dynamoDbEndpoint,
    String region,
    boolean demoData,
    int demoJobsPerApi,
    Optional<String> pageTokenKeys) {

  public static final int DEFAULT_PORT = 3000;
  public static final int DEFAULT_DEMO_JOBS = 3000;

  public LocalApiSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
    if (demoJobsPerApi < 1) {
      throw new IllegalArgumentException("demo jobs must be at least 1");
    }
  }
}
