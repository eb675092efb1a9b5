package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.http.ProxyResponses;
import io.evaljobs.lambda.LambdaJson;
import org.junit.jupiter.api.Test;

class HandlerResponseTest {
  @Test
  void invoke_responseOutsideTheContract_failsTheTest() {
    RequestStreamHandler withoutPagination =
        (input, output, context) ->
            LambdaJson.write(ProxyResponses.of(ApiResponse.json(200, "{\"jobs\":[]}")), output);
    AssertionError failure =
        assertThrows(AssertionError.class, () -> HandlerResponse.invoke(withoutPagination, "{}"));
    assertTrue(failure.getMessage().contains("pagination"), failure.getMessage());
  }
}
