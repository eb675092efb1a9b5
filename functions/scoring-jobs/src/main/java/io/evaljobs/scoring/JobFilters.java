package io.evaljobs.scoring;

import io.evaljobs.dynamodb.KeyParts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The identity filters of one listing, combined with AND; an empty value matches only jobs whose value is "". */
record JobFilters(Map<JobFilter, String> values) {
  /**
   * Bump when what a token's cursor means changes, so that tokens minted under the old plan are refused. plan-2: the
   * cursor is the frontier sort key below which the listing continues, on whichever index.
   */
  private static final String PLAN_VERSION = "plan-2";

  JobFilters {
    EnumMap<JobFilter, String> copy = new EnumMap<>(JobFilter.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
  }

  static JobFilters none() {
    return new JobFilters(Map.of());
  }

  Optional<String> valueOf(JobFilter filter) {
    return Optional.ofNullable(values.get(filter));
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** False when some value is one no stored job can hold, so the listing is empty without reading. */
  boolean canMatchStoredJobs() {
    return values.values().stream().allMatch(StoredValueLimits::fitsIdentifier);
  }

  /** An injective text of the filters, in a fixed order, that page tokens are bound to. */
  String canonical() {
    List<String> parts = new ArrayList<>();
    parts.add(PLAN_VERSION);
    values.forEach((filter, value) -> {
      parts.add(filter.fieldName());
      parts.add(value);
    });
    return KeyParts.join(parts.toArray(String[]::new));
  }
}
