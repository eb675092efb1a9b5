package io.evaljobs.observability;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells the store's passing troubles from the rest. Throttling (after the SDK's retries), no connection, a timeout and
 * the service's own 5xx pass: the client may retry (503). Any other refusal by DynamoDB (a validation error, a
 * missing table, denied access) does not pass with time: it is a fault of this deployment or its code (500), never
 * the client's, since every input DynamoDB would refuse is refused before the call.
 */
public final class StoreFailures {
  private StoreFailures() {}

  public static boolean isTransient(Throwable failure) {
    if (Throttling.isThrottling(failure)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkClientException
          || t instanceof SdkServiceException && ((SdkServiceException) t).statusCode() >= 500) {
        return true;
      }
    }
    return false;
  }
}
