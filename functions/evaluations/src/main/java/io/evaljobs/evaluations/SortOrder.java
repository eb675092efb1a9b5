package io.evaljobs.evaluations;

import java.util.Locale;
import java.util.Optional;

/** Ascending or descending, as the sort_order parameter spells it. */
enum SortOrder {
  ASC,
  DESC;

  static final String ALLOWED = "asc, desc";

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<SortOrder> fromWire(String wireName) {
    return wireName.equals("asc") ? Optional.of(ASC) : wireName.equals("desc") ? Optional.of(DESC) : Optional.empty();
  }
}
