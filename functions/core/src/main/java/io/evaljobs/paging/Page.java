package io.evaljobs.paging;

import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.ReadStats;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: its items in listing order, the index of the first one, and cursors to the neighbouring
 * pages (absent where there is none).
 */
public record Page(
    List<Hit> hits, long position, Optional<Cursor> next, Optional<Cursor> previous, ReadStats stats) {
  public Page {
    hits = List.copyOf(hits);
  }
}
