package io.evaljobs.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API (by its id) and stage named by an execute-api method ARN ({@code arn:aws:execute-api:region:account:api/stage/...}). */
record MethodArn(String partition, String region, String account, String apiId, String stage) {
  private static final Pattern SHAPE =
      Pattern.compile(
          "arn:(aws[a-z-]*):execute-api:([a-z0-9-]+):([0-9]{1,20}):([A-Za-z0-9]+)/([A-Za-z0-9_$-]+)/[^\\s]*");

  static Optional<MethodArn> parse(String arn) {
    Matcher m = SHAPE.matcher(arn);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new MethodArn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
  }

  /**
   * The one route a key of {@code api} may call: GET on that API's path, in the API (by its id) and stage this ARN
   * names. API Gateway caches the answer per key for the authorizer's TTL; a policy naming this route alone lets the
   * cached answer open nothing else, on this API or on another that shares the authorizer.
   */
  String route(ApiName api) {
    return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/GET"
        + api.path();
  }
}
