package io.evaljobs.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the events API Gateway sends to Lambda for one call of a REST API, in the shapes the Lambda runtime
 * delivers them: the REQUEST authorizer event and the proxy integration event. The inverse of
 * {@link ProxyEventParser}, for the local API and for tests.
 */
public final class GatewayEvents {
  private GatewayEvents() {}

  /**
   * One call of a REST API, as both events describe it.
   *
   * @param resourcePath the API's resource, e.g. /evaluations
   * @param requestPath what requestContext.path says: the path the client called, with the stage where it has one
   */
  public record Call(
      String httpMethod,
      String resourcePath,
      String requestPath,
      String stage,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParameters,
      String requestId,
      String sourceIp,
      String region,
      String accountId,
      String apiId) {

    public Call {
      headers = copy(headers);
      queryParameters = copy(queryParameters);
    }

    /** A call of {@code resourcePath} on stage v1 of an execute-api endpoint, with no headers or parameters. */
    public static Call of(String httpMethod, String resourcePath) {
      return new Call(httpMethod, resourcePath, "/v1" + resourcePath, "v1", Map.of(), Map.of(), "request-1",
          "127.0.0.1", "us-east-1", "123456789012", "abcdef1234");
    }

    public Call withHeader(String name, String value) {
      return new Call(httpMethod, resourcePath, requestPath, stage, append(headers, name, value), queryParameters,
          requestId, sourceIp, region, accountId, apiId);
    }

    public Call withQueryParameter(String name, String value) {
      return new Call(httpMethod, resourcePath, requestPath, stage, headers, append(queryParameters, name, value),
          requestId, sourceIp, region, accountId, apiId);
    }

    /** The call on another stage and endpoint: {@code requestPath} is what the client called. */
    public Call at(String stage, String requestPath, String region, String accountId, String apiId) {
      return new Call(httpMethod, resourcePath, requestPath, stage, headers, queryParameters, requestId, sourceIp,
          region, accountId, apiId);
    }

    public Call withRequest(String requestId, String sourceIp) {
      return new Call(httpMethod, resourcePath, requestPath, stage, headers, queryParameters, requestId, sourceIp,
          region, accountId, apiId);
    }

    public String methodArn() {
      return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + httpMethod
          + resourcePath;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
      return Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<String>> append(Map<String, List<String>> values, String name, String value) {
      Map<String, List<String>> more = new LinkedHashMap<>(values);
      List<String> list = new ArrayList<>(more.getOrDefault(name, List.of()));
      list.add(value);
      more.put(name, list);
      return more;
    }
  }

  public static String authorizerEvent(Call call) {
    return Json.write(json -> {
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

  /** The proxy event; {@code authorizer} is what the authorizer put in the context, plus its principalId. */
  public static String proxyEvent(Call call, Map<String, String> authorizer) {
    return proxyEvent(call, authorizer, Optional.empty());
  }

  /** The proxy event of a call that sent a body (which a GET should not). */
  public static String proxyEvent(Call call, Map<String, String> authorizer, Optional<String> body) {
    return Json.write(json -> {
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
      if (body.isPresent()) {
        json.writeStringField("body", body.get());
      } else {
        json.writeNullField("body");
      }
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
    json.writeStringField("accountId", call.accountId());
    json.writeStringField("apiId", call.apiId());
    json.writeStringField("resourcePath", call.resourcePath());
    json.writeStringField("httpMethod", call.httpMethod());
    json.writeStringField("path", call.requestPath());
    json.writeStringField("protocol", "HTTP/1.1");
    json.writeStringField("stage", call.stage());
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
}
