package io.evaljobs.paging;

import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
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

  /** This page cut to its first {@code count} items; the next page then starts right after the last one kept. */
  public Page truncatedTo(int count, IndexQuery query) {
    if (count <= 0 || count > hits.size()) {
      throw new IllegalArgumentException("a page of " + hits.size() + " items cannot keep " + count);
    }
    if (count == hits.size()) {
      return this;
    }
    List<Hit> kept = hits.subList(0, count);
    Cursor after = Cursor.after(position + count, IndexReader.positionAfter(query, kept.get(count - 1)));
    return new Page(kept, position, Optional.of(after), previous, stats);
  }
}
