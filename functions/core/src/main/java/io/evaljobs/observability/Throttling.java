package io.evaljobs.observability;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Recognises DynamoDB throttling (after the SDK's own retries) among the failures that reach a handler. */
public final class Throttling {
  private Throttling() {}

  public static boolean isThrottling(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProvisionedThroughputExceededException
          || t instanceof RequestLimitExceededException
          || t instanceof AwsServiceException && ((AwsServiceException) t).isThrottlingException()) {
        return true;
      }
    }
    return false;
  }
}
