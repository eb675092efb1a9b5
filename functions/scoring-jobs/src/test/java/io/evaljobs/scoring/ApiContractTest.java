package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.http.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiContractTest {
  @Test
  void assertValid_responseOutsideTheContract_failsTheTest() {
    Map<String, String> json = Map.of("Content-Type", "application/json");
    ApiContract.assertValid(new ApiResponse(200, json, "[]"));
    assertThrows(AssertionError.class, () -> ApiContract.assertValid(new ApiResponse(200, json, "{\"jobs\":[]}")));
    assertThrows(AssertionError.class,
        () -> ApiContract.assertValid(new ApiResponse(503, json, "{\"detail\":\"Service temporarily unavailable\"}")));
    assertThrows(AssertionError.class, () -> ApiContract.assertJobList("[{\"job_id\":1}]"));
  }
}
