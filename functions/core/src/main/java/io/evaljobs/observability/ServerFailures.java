package io.evaljobs.observability;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one line a function writes to its log when it answered 5xx: what failed and for which request, beside the
 * request line that counts it. Exception messages of the SDK name operations and status codes, never item values;
 * nothing of it reaches the client.
 */
public final class ServerFailures {
  private ServerFailures() {}

  public static void log(String api, String requestId, RuntimeException failure) {
    String kind = failure instanceof SdkException ? "dynamodb" : "unexpected";
    System.err.println(api + " " + kind + " failure, request " + requestId + ": " + failure);
  }
}
