package io.evaljobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** API Gateway REST proxy events for a GET with query parameters, as the authorizer's context reaches the function. */
final class ProxyEvents {
  private static final JsonFactory JSON = new JsonFactory();

  private ProxyEvents() {}

  static byte[] get(String path, Map<String, String> query, Map<String, String> authorizer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("resource", path);
      json.writeStringField("path", path);
      json.writeStringField("httpMethod", "GET");
      json.writeObjectFieldStart("headers");
      json.writeStringField("Accept", "application/json");
      json.writeStringField("Host", "bench.execute-api.us-east-1.amazonaws.com");
      json.writeEndObject();
      json.writeObjectFieldStart("multiValueHeaders");
      json.writeArrayFieldStart("Accept");
      json.writeString("application/json");
      json.writeEndArray();
      json.writeArrayFieldStart("Host");
      json.writeString("bench.execute-api.us-east-1.amazonaws.com");
      json.writeEndArray();
      json.writeEndObject();
      if (query.isEmpty()) {
        json.writeNullField("queryStringParameters");
        json.writeNullField("multiValueQueryStringParameters");
      } else {
        json.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, String> parameter : query.entrySet()) {
          json.writeStringField(parameter.getKey(), parameter.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("multiValueQueryStringParameters");
        for (Map.Entry<String, String> parameter : query.entrySet()) {
          json.writeArrayFieldStart(parameter.getKey());
          json.writeString(parameter.getValue());
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeNullField("pathParameters");
      json.writeNullField("stageVariables");
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("resourcePath", path);
      json.writeStringField("httpMethod", "GET");
      json.writeStringField("path", "/v1" + path);
      json.writeStringField("stage", "v1");
      json.writeStringField("requestId", "bench-request");
      json.writeObjectFieldStart("authorizer");
      json.writeStringField("principalId", "bench-key");
      for (Map.Entry<String, String> entry : authorizer.entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeNullField("body");
      json.writeBooleanField("isBase64Encoded", false);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
