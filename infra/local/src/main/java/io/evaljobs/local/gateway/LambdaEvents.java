package io.evaljobs.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The two events API Gateway sends to Lambda for one call of a REST API: the REQUEST authorizer event and the proxy
 * integration event, written with the streaming generator in the shapes the Lambda runtime delivers.
 */
final class LambdaEvents {
  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";
  static final String STAGE = "local";

  private LambdaEvents() {}

  /** What both events say about the call. */
  record Call(
      String requestId,
      String httpMethod,
      String resourcePath,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParameters,
      String sourceIp,
      String region) {

    String methodArn() {
      return "arn:aws:execute-api:" + region + ":" + ACCOUNT_ID + ":" + API_ID + "/" + STAGE + "/" + httpMethod
          + resourcePath;
    }
  }

  static byte[] authorizerEvent(Call call) {
    return write(json -> {
      json.writeStartObject();
      json.writeStringField("type", "REQUEST");
      json.writeStringField("methodArn", call.methodArn());
      writeRequest(json, call);
      json.writeObjectFieldStart("requestContext");
      writeRequestContext(json, call);
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** The proxy event; {@code authorizer} is the authorizer's context plus its principalId. */
  static byte[] proxyEvent(Call call, Map<String, String> authorizer) {
    return write(json -> {
      json.writeStartObject();
      writeRequest(json, call);
      json.writeObjectFieldStart("requestContext");
      writeRequestContext(json, call);
      json.writeObjectFieldStart("authorizer");
      for (Map.Entry<String, String> entry : authorizer.entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeNullField("body");
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    });
  }

  private static void writeRequest(JsonGenerator json, Call call) throws IOException {
    json.writeStringField("resource", call.resourcePath());
    json.writeStringField("path", call.resourcePath());
    json.writeStringField("httpMethod", call.httpMethod());
    writeSingle(json, "headers", call.headers());
    writeMulti(json, "multiValueHeaders", call.headers());
    writeSingle(json, "queryStringParameters", call.queryParameters());
    writeMulti(json, "multiValueQueryStringParameters", call.queryParameters());
    json.writeNullField("pathParameters");
    json.writeNullField("stageVariables");
  }

  private static void writeRequestContext(JsonGenerator json, Call call) throws IOException {
    json.writeStringField("accountId", ACCOUNT_ID);
    json.writeStringField("apiId", API_ID);
    json.writeStringField("resourceId", API_ID);
    json.writeStringField("resourcePath", call.resourcePath());
    json.writeStringField("httpMethod", call.httpMethod());
    json.writeStringField("path", call.resourcePath());
    json.writeStringField("protocol", "HTTP/1.1");
    json.writeStringField("stage", STAGE);
    json.writeStringField("requestId", call.requestId());
    json.writeNumberField("requestTimeEpoch", System.currentTimeMillis());
    json.writeObjectFieldStart("identity");
    json.writeStringField("sourceIp", call.sourceIp());
    List<String> agents =
        call.headers().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("User-Agent"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(List.of());
    if (agents.isEmpty()) {
      json.writeNullField("userAgent");
    } else {
      json.writeStringField("userAgent", agents.get(agents.size() - 1));
    }
    json.writeEndObject();
  }

  /** API Gateway's single-value maps carry the last value; an empty map is null. */
  private static void writeSingle(JsonGenerator json, String field, Map<String, List<String>> values)
      throws IOException {
    if (values.isEmpty()) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        json.writeStringField(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
      }
    }
    json.writeEndObject();
  }

  private static void writeMulti(JsonGenerator json, String field, Map<String, List<String>> values)
      throws IOException {
    if (values.isEmpty()) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      json.writeArrayFieldStart(entry.getKey());
      for (String value : entry.getValue()) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static byte[] write(Json.Body body) {
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }
}
