package io.evaljobs.observability;

import java.util.List;
import java.util.Optional;

/**
 * What a list request asked for, without its values: the names of the filters given, the sort, and the index read.
 * Filter values can be personal data and never belong here.
 */
public record QueryShape(
    List<String> filters, Optional<String> sortBy, Optional<String> sortOrder, Optional<String> index) {
  /** A request that never became a query (unreadable, unauthenticated or invalid). */
  public static final QueryShape UNKNOWN = new QueryShape(List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public QueryShape {
    filters = List.copyOf(filters);
  }
}
