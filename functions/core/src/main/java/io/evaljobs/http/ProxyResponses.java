package io.evaljobs.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.TreeMap;

/** An {@link ApiResponse} as the proxy integration's response event. */
public final class ProxyResponses {
  private ProxyResponses() {}

  public static APIGatewayProxyResponseEvent of(ApiResponse response) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.statusCode())
        // In name order, so the same response is the same document.
        .withHeaders(new TreeMap<>(response.headers()))
        .withBody(response.body())
        .withIsBase64Encoded(false);
  }
}
