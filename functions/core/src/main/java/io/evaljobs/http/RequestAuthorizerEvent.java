package io.evaljobs.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import java.util.List;
import java.util.Map;

/**
 * The event API Gateway sends a REQUEST authorizer: {@link APIGatewayCustomAuthorizerEvent} and the multi-value maps
 * it leaves out, where a header sent twice shows both values (the single-value map keeps only the last).
 */
public class RequestAuthorizerEvent extends APIGatewayCustomAuthorizerEvent {
  private Map<String, List<String>> multiValueHeaders;
  private Map<String, List<String>> multiValueQueryStringParameters;

  public Map<String, List<String>> getMultiValueHeaders() {
    return multiValueHeaders;
  }

  public void setMultiValueHeaders(Map<String, List<String>> multiValueHeaders) {
    this.multiValueHeaders = multiValueHeaders;
  }

  public Map<String, List<String>> getMultiValueQueryStringParameters() {
    return multiValueQueryStringParameters;
  }

  public void setMultiValueQueryStringParameters(Map<String, List<String>> multiValueQueryStringParameters) {
    this.multiValueQueryStringParameters = multiValueQueryStringParameters;
  }
}
