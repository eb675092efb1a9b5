package io.evaljobs.listing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.evaljobs.http.ApiResponse;
import io.evaljobs.observability.QueryShape;
import io.evaljobs.paging.PageRead;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes one list API what it is: whose request it is, how its parameters read, how its page is read and written.
 * {@link ListPipeline} runs the steps in order and handles the rest (events, method, errors, the request log).
 *
 * @param <K> the tenant the authorizer establishes
 * @param <Q> the typed query
 * @param <T> the listed item
 */
public interface ListEndpoint<K, Q, T> {
  /** The API's name in request log lines and page-token bindings. */
  String name();

  /** The tenant in the authorizer's context; empty when the request carries none. */
  Optional<K> tenant(APIGatewayProxyRequestEvent request);

  /** The tenant as its table key, which the request log writes only as a hash. */
  String tenantKey(K tenant);

  /** The query the parameters ask for; invalid parameters throw what the endpoint's dialect maps. */
  Q parse(K tenant, Map<String, List<String>> parameters);

  PageRead<T> read(K tenant, Q query);

  /** The 200 response carrying the page. */
  ApiResponse write(APIGatewayProxyRequestEvent request, K tenant, Q query, PageRead<T> read);

  /** What the request asked for, without values, once it is known; the index read once it is read. */
  QueryShape shape(Map<String, List<String>> parameters, Optional<Q> query, Optional<String> index);

  ErrorDialect errors();
}
