package io.evaljobs.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evaljobs.lambda.LambdaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark reads from a function's proxy response: status, the jobs returned, paging fields. */
record ProxyResponse(int status, List<String> jobIds, Optional<String> nextOffset, Optional<Long> totalCount,
    Optional<String> nextLinkOffset) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern LINK_OFFSET = Pattern.compile("[?&]offset=([^&>]+)[^>]*>;\\s*rel=\"next\"");

  ProxyResponse {
    jobIds = List.copyOf(jobIds);
  }

  int jobs() {
    return jobIds.size();
  }

  static ProxyResponse parse(byte[] proxyResponse) {
    try {
      APIGatewayProxyResponseEvent response =
          LambdaJson.MAPPER.readValue(proxyResponse, APIGatewayProxyResponseEvent.class);
      Optional<String> link =
          Optional.ofNullable(response.getHeaders()).flatMap(headers -> headers.entrySet().stream()
              .filter(header -> header.getKey().equalsIgnoreCase("Link"))
              .map(Map.Entry::getValue)
              .findFirst());
      int status = response.getStatusCode() == null ? -1 : response.getStatusCode();
      return fromBody(status, response.getBody() == null ? "" : response.getBody(), link);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProxyResponse fromBody(int status, String body, Optional<String> link) throws IOException {
    List<String> jobIds = new ArrayList<>();
    Optional<String> next = Optional.empty();
    Optional<Long> total = Optional.empty();
    try (JsonParser json = JSON.createParser(body)) {
      JsonToken token;
      while ((token = json.nextToken()) != null) {
        if (token != JsonToken.FIELD_NAME) {
          continue;
        }
        String field = json.getCurrentName();
        JsonToken value = json.nextToken();
        if ("job_id".equals(field)) {
          jobIds.add(json.getText());
        } else if ("next_offset".equals(field) && value == JsonToken.VALUE_STRING) {
          next = Optional.of(json.getText());
        } else if ("total_count".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          total = Optional.of(json.getLongValue());
        }
      }
    }
    Optional<String> linkOffset = link.map(LINK_OFFSET::matcher).filter(Matcher::find).map(m -> URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
    return new ProxyResponse(status, jobIds, next, total, linkOffset);
  }
}
