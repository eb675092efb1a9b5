package io.evaljobs.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.http.GatewayCall;
import io.evaljobs.http.RequestAuthorizerEvent;
import io.evaljobs.lambda.Environment;
import io.evaljobs.lambda.LambdaJson;
import io.evaljobs.preload.ClassPreloader;
import io.evaljobs.priming.LazyPrimer;
import io.evaljobs.priming.PrimingRequests;
import io.evaljobs.priming.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Lambda REQUEST authorizer of both REST APIs: checks the API key header against the hashed key table. */
public final class ApiKeyAuthorizerHandler implements RequestStreamHandler {
  static {
    // The runtime initializes this class before constructing it: the request path's classes then load beside the
    // DynamoDB client's construction instead of after it.
    ClassPreloader.startFor(ApiKeyAuthorizerHandler.class);
  }

  private final ApiKeyAuthorizer authorizer;

  public ApiKeyAuthorizerHandler() {
    this(Environment.system());
    SnapStartPriming.register(new LazyPrimer(() -> new PrimingRequests(this, primingEvents())));
    SnapStartPriming.register(KnownKeyPrimer.of());
  }

  private ApiKeyAuthorizerHandler(Environment env) {
    this(DynamoDbClients.fromEnvironment(env), env.required("API_KEYS_TABLE"));
  }

  /**
   * A key no one holds, for each API: well formed, so priming runs the lookup by hash that finds nothing, the whole
   * decision path, and no writes.
   */
  static List<String> primingEvents() {
    return eventsPresenting(PRIMING_KEY);
  }

  /** Of {@link ApiKeyFormat}'s shape: a key of another shape would be refused before the lookup being primed. */
  static final String PRIMING_KEY = "ej_eval_snapstart_priming_key_no_one_holds_00000000";

  /** One authorizer event per API, each presenting {@code key} in that API's key header. */
  static List<String> eventsPresenting(String key) {
    return List.of(
        LambdaJson.toJson(
            GatewayCall.of("GET", ApiName.EVALUATIONS.path())
                .withHeader(ApiName.EVALUATIONS.headerName(), key)
                .authorizerEvent()),
        LambdaJson.toJson(
            GatewayCall.of("GET", ApiName.SCORING.path()).withHeader(ApiName.SCORING.headerName(), key)
                .authorizerEvent()));
  }

  public ApiKeyAuthorizerHandler(DynamoDbClient dynamo, String tableName) {
    this(new DynamoDbApiKeyLookup(dynamo, new ApiKeyTable(tableName)));
  }

  ApiKeyAuthorizerHandler(ApiKeyLookup lookup) {
    this(lookup, Clock.systemUTC());
  }

  ApiKeyAuthorizerHandler(ApiKeyLookup lookup, Clock clock) {
    this.authorizer = new ApiKeyAuthorizer(lookup, clock);
  }

  /**
   * Reads the REQUEST authorizer event with the shared ObjectMapper and writes the policy. An event it cannot read
   * has no usable key: exactly "Unauthorized" (API Gateway: 401), as for a missing key.
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    RequestAuthorizerEvent event =
        LambdaJson.readEvent(input, RequestAuthorizerEvent.class)
            .orElseThrow(() -> unauthorized(AuthorizerLog.of(context), "event is not an authorizer event"));
    LambdaJson.write(handle(event, context), output);
  }

  /**
   * The policy, or fails with exactly "Unauthorized" (API Gateway: 401) when there is no usable key, or with
   * {@link KeyLookupFailedException} (API Gateway: 500) when the key table cannot be read.
   */
  public IamPolicyResponse handle(RequestAuthorizerEvent event, Context context) {
    AuthorizerLog log = AuthorizerLog.of(context);
    try {
      return authorizer.authorize(AuthorizerRequest.of(event), log);
    } catch (UnauthorizedException e) {
      log.line("authorizer: unauthorized, " + e.reason());
      throw e;
    } catch (KeyLookupFailedException e) {
      log.line("authorizer: failed, " + e.getMessage());
      throw e;
    }
  }

  private static UnauthorizedException unauthorized(AuthorizerLog log, String reason) {
    UnauthorizedException e = new UnauthorizedException(reason);
    log.line("authorizer: unauthorized, " + e.reason());
    return e;
  }
}
