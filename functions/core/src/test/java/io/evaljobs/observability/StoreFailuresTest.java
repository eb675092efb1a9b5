package io.evaljobs.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class StoreFailuresTest {
  @Test
  void isTransient_throttlingTimeoutsAndUnreachableOrFailingService_are() {
    assertTrue(StoreFailures.isTransient(
        ProvisionedThroughputExceededException.builder().statusCode(400).message("slow down").build()));
    assertTrue(StoreFailures.isTransient(
        RequestLimitExceededException.builder().statusCode(400).message("account limit").build()));
    assertTrue(StoreFailures.isTransient(ApiCallTimeoutException.create(1_000)));
    assertTrue(StoreFailures.isTransient(ApiCallAttemptTimeoutException.create(1_000)));
    assertTrue(StoreFailures.isTransient(
        SdkClientException.builder().message("Unable to execute HTTP request").cause(new ConnectException()).build()));
    assertTrue(StoreFailures.isTransient(
        InternalServerErrorException.builder().statusCode(500).message("internal").build()));
    assertTrue(StoreFailures.isTransient(DynamoDbException.builder().statusCode(503).message("unavailable").build()));
    assertTrue(StoreFailures.isTransient(new CompletionException(ApiCallTimeoutException.create(1_000))));
  }

  @Test
  void isTransient_refusalsThatRetryingCannotCure_areNot() {
    assertFalse(StoreFailures.isTransient(
        DynamoDbException.builder().statusCode(400).message("One or more parameter values were invalid").build()));
    assertFalse(StoreFailures.isTransient(
        ResourceNotFoundException.builder().statusCode(400).message("Requested resource not found").build()));
    assertFalse(StoreFailures.isTransient(DynamoDbException.builder().statusCode(403).message("denied").build()));
    assertFalse(StoreFailures.isTransient(new IllegalStateException("bug")));
  }
}
