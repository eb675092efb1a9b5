package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodArnTest {
  @Test
  void route_namesGetOfTheApisOwnPathInTheCallersApiAndStage() {
    MethodArn arn =
        MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/GET/v2/confidence-scoring/jobs")
            .orElseThrow();

    assertEquals("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/GET/v2/confidence-scoring/jobs",
        arn.route(ApiName.SCORING));
    assertEquals("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/GET/evaluations",
        arn.route(ApiName.EVALUATIONS));
  }

  @Test
  void route_ofAnyMethodAndPath_isStillTheOneGetRoute() {
    MethodArn arn =
        MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:zz99/v1/DELETE/evaluations/x/y").orElseThrow();

    assertEquals("arn:aws:execute-api:us-east-1:123456789012:zz99/v1/GET/evaluations", arn.route(ApiName.EVALUATIONS));
    assertFalse(arn.route(ApiName.EVALUATIONS).contains("*"));
  }

  @Test
  void parse_otherPartition_keepsIt() {
    assertEquals("arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc/prod/GET/evaluations",
        MethodArn.parse("arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc/prod/GET/").orElseThrow()
            .route(ApiName.EVALUATIONS));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "arn",
      "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5",
      "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1",
      "arn:aws:execute-api:us-east-1:123456789012:*/v1/GET/evaluations",
      "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/evaluations",
      "arn:aws:execute-api:us-east-1:*:a1b2c3d4e5/v1/GET/evaluations",
      "arn:aws:execute-api:*:123456789012:a1b2c3d4e5/v1/GET/evaluations",
      "arn:aws:lambda:us-east-1:123456789012:a1b2c3d4e5/v1/GET/evaluations",
      "arn:aws:execute-api:us-east-1:123456789012:a1b2/c3d4e5/v1/GET/evaluations extra",
      " arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/v1/GET/evaluations"
  })
  void parse_notAnExecuteApiMethodArn_isEmpty(String arn) {
    assertTrue(MethodArn.parse(arn).isEmpty(), arn);
  }
}
