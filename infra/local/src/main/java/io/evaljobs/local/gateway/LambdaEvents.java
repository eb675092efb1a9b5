package io.evaljobs.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.lambda.LambdaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one call of the local API (stage "local", called without a stage in the path) and the functions'
 * answers, as aws-lambda-java-events types through the functions' own ObjectMapper.
 */
final class LambdaEvents {
  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";
  static final String STAGE = "local";

  /** API Gateway also takes a policy whose Statement or Resource is one value rather than a list. */
  private static final ObjectReader POLICY_READER =
      LambdaJson.MAPPER.readerFor(IamPolicyResponse.class).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private LambdaEvents() {}

  static GatewayCall call(
      String requestId,
      String httpMethod,
      String resourcePath,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParameters,
      String sourceIp,
      String region) {
    return new GatewayCall(httpMethod, resourcePath, resourcePath, STAGE, headers, queryParameters, requestId,
        sourceIp, region, ACCOUNT_ID, API_ID);
  }

  static byte[] authorizerEvent(GatewayCall call) {
    return bytes(call.authorizerEvent());
  }

  static byte[] proxyEvent(GatewayCall call, Map<String, String> authorizer) {
    return bytes(call.proxyEvent(authorizer));
  }

  /** A proxy integration's answer; empty when it is not one (API Gateway: 502). */
  static Optional<APIGatewayProxyResponseEvent> proxyResponse(byte[] answer) {
    try {
      return Optional.ofNullable(LambdaJson.MAPPER.readValue(answer, APIGatewayProxyResponseEvent.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An authorizer's answer; empty when it is not a policy. */
  static Optional<IamPolicyResponse> policy(byte[] answer) {
    try {
      return Optional.ofNullable(POLICY_READER.readValue(answer));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] bytes(Object event) {
    try {
      return LambdaJson.MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
