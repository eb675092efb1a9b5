package io.evaljobs.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class ThrottlingTest {
  @Test
  void isThrottling_throughputExceeded_isThrottling() {
    assertTrue(Throttling.isThrottling(
        ProvisionedThroughputExceededException.builder().statusCode(400).message("slow down").build()));
  }

  @Test
  void isThrottling_throttlingWrappedAsCause_isThrottling() {
    DynamoDbException throttled =
        (DynamoDbException) DynamoDbException.builder().statusCode(400).message("Throughput").build();
    RuntimeException wrapper = new RuntimeException(
        ProvisionedThroughputExceededException.builder().statusCode(400).message("x").build());
    assertTrue(Throttling.isThrottling(wrapper));
    assertFalse(Throttling.isThrottling(throttled));
  }

  @Test
  void isThrottling_serviceErrorWithAThrottlingCode_isThrottling() {
    AwsServiceException throttled =
        DynamoDbException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
            .build();
    assertTrue(Throttling.isThrottling(throttled));
  }

  @Test
  void isThrottling_otherFailures_areNot() {
    assertFalse(Throttling.isThrottling(SdkClientException.create("connection refused")));
    assertFalse(Throttling.isThrottling(new IllegalStateException("bug")));
  }
}
