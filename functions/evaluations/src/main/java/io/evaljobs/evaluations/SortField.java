package io.evaljobs.evaluations;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The job fields a listing can be ordered by. */
enum SortField {
  CREATED_AT("created_at"),
  COMPLETED_AT("completed_at"),
  PROGRESS_PERCENTAGE("progress_percentage"),
  TOTAL_ITEMS("total_items");

  static final String ALLOWED = Arrays.stream(values()).map(SortField::wireName).collect(Collectors.joining(", "));

  private final String wireName;

  SortField(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static Optional<SortField> fromWire(String wireName) {
    return Arrays.stream(values()).filter(field -> field.wireName.equals(wireName)).findFirst();
  }
}
