package io.evaljobs.scoring;

import io.evaljobs.http.QueryParameters;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.scoring.ParameterViolation.Problem;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns a proxy request into a {@link ScoringJobQuery} as FastAPI would read it: a repeated parameter keeps its last
 * value, unknown parameters are ignored, and every invalid parameter is reported, not just the first.
 */
final class ScoringJobQueryParser {
  static final String LIMIT = "limit";
  static final String OFFSET = "offset";

  private final PageTokens tokens;
  private final int maxLimit;

  ScoringJobQueryParser(PageTokens tokens) {
    this(tokens, ScoringJobQuery.MAX_LIMIT);
  }

  /** {@code maxLimit}: the largest page a client may ask for with {@code limit}. */
  ScoringJobQueryParser(PageTokens tokens, int maxLimit) {
    if (maxLimit < 1 || maxLimit > ScoringJobQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("maxLimit must be from 1 to " + ScoringJobQuery.MAX_LIMIT);
    }
    this.tokens = tokens;
    this.maxLimit = maxLimit;
  }

  ScoringJobQuery parse(CustomerProject tenant, Map<String, List<String>> given) {
    QueryParameters parameters = new QueryParameters(given);
    JobFilters filters = filtersOf(parameters);
    List<ParameterViolation> violations = new ArrayList<>();
    OptionalInt limit = limitOf(parameters, violations);
    Cursor cursor = cursorOf(parameters, tenant, filters, violations);
    if (!violations.isEmpty()) {
      throw new InvalidQueryException(violations);
    }
    return new ScoringJobQuery(tenant, filters, limit, cursor);
  }

  private static JobFilters filtersOf(QueryParameters parameters) {
    Map<JobFilter, String> values = new EnumMap<>(JobFilter.class);
    for (JobFilter filter : JobFilter.values()) {
      parameters.last(filter.fieldName()).ifPresent(value -> values.put(filter, value));
    }
    return new JobFilters(values);
  }

  /** Empty without a {@code limit}: the response then holds as much of the listing as its bounds allow. */
  private OptionalInt limitOf(QueryParameters parameters, List<ParameterViolation> violations) {
    Optional<String> given = parameters.last(LIMIT);
    if (given.isEmpty()) {
      return OptionalInt.empty();
    }
    String text = given.get();
    if (IntegerText.tooLong(text)) {
      violations.add(new ParameterViolation(Problem.INTEGER_TOO_LONG, LIMIT, text, OptionalLong.empty()));
      return OptionalInt.empty();
    }
    Optional<BigInteger> value = IntegerText.parse(text);
    if (value.isEmpty()) {
      violations.add(new ParameterViolation(Problem.NOT_AN_INTEGER, LIMIT, text, OptionalLong.empty()));
    } else if (value.get().compareTo(BigInteger.ONE) < 0) {
      violations.add(new ParameterViolation(Problem.TOO_SMALL, LIMIT, text, OptionalLong.of(1)));
    } else if (value.get().compareTo(BigInteger.valueOf(maxLimit)) > 0) {
      violations.add(new ParameterViolation(Problem.TOO_LARGE, LIMIT, text, OptionalLong.of(maxLimit)));
    } else {
      return OptionalInt.of(value.get().intValueExact());
    }
    return OptionalInt.empty();
  }

  private Cursor cursorOf(
      QueryParameters parameters, CustomerProject tenant, JobFilters filters, List<ParameterViolation> violations) {
    Optional<String> token = parameters.last(OFFSET);
    if (token.isEmpty()) {
      return Cursor.atOffset(0);
    }
    try {
      Cursor cursor = tokens.decode(token.get(), ScoringJobTable.tenantKey(tenant), filters.canonical());
      // This API mints only "after a sort key" cursors; anything else is no token of its plan.
      if (cursor.kind() != Cursor.Kind.AFTER
          || !cursor.anchor().orElseThrow().lastKey().containsKey(ScoringJobTable.CREATED_SK)) {
        throw new InvalidPageTokenException(InvalidPageTokenException.Reason.MALFORMED);
      }
      return cursor;
    } catch (InvalidPageTokenException e) {
      violations.add(
          new ParameterViolation(Problem.INVALID_PAGE_TOKEN, OFFSET, token.get(), OptionalLong.empty()));
      return Cursor.atOffset(0);
    }
  }
}
