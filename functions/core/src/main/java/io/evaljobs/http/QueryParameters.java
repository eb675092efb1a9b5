package io.evaljobs.http;

import io.evaljobs.http.InvalidParameterException.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Single-valued access to a request's query parameters, refusing values given more than once. */
public final class QueryParameters {
  private final Map<String, List<String>> values;

  public QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  public Set<String> names() {
    return values.keySet();
  }

  /** The parameter's one value; empty when absent. A parameter given twice is the client's error. */
  public Optional<String> single(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw new InvalidParameterException(
          name, Kind.REPEATED, name + " must be given at most once, got " + given.size() + " values",
          Optional.of(String.join(",", given)));
    }
    return Optional.of(given.get(0));
  }

  /** The last value given, as FastAPI reads a repeated scalar query parameter. */
  public Optional<String> last(String name) {
    List<String> given = values.get(name);
    return given == null || given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }
}
