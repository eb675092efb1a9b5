package io.evaljobs.paging;

import io.evaljobs.dynamodb.Position;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a page starts, as a page token carries it.
 *
 * @param kind how to find the page: at an integer offset, after an anchor (next page) or before one (previous page)
 * @param position the zero-based index of the page's first item ({@code AFTER}, {@code AT_OFFSET}) or of the anchor
 *     item ({@code BEFORE}) in the whole listing
 * @param totalCount the listing's size when the first page was counted, so later pages need not count again
 * @param anchor the index position to read from; absent for {@code AT_OFFSET}
 */
public record Cursor(Kind kind, long position, OptionalLong totalCount, Optional<Position> anchor) {

  /** How a cursor finds its page. */
  public enum Kind {
    AT_OFFSET,
    AFTER,
    BEFORE
  }

  public Cursor {
    if (position < 0) {
      throw new IllegalArgumentException("position is never negative");
    }
    if ((kind == Kind.AT_OFFSET) == anchor.isPresent()) {
      throw new IllegalArgumentException(kind + " cursor " + (anchor.isPresent() ? "has" : "lacks") + " an anchor");
    }
  }

  public static Cursor atOffset(long position) {
    return new Cursor(Kind.AT_OFFSET, position, OptionalLong.empty(), Optional.empty());
  }

  public static Cursor after(long position, Position anchor) {
    return new Cursor(Kind.AFTER, position, OptionalLong.empty(), Optional.of(anchor));
  }

  public static Cursor before(long position, Position anchor) {
    return new Cursor(Kind.BEFORE, position, OptionalLong.empty(), Optional.of(anchor));
  }

  public Cursor withTotalCount(long count) {
    return new Cursor(kind, position, OptionalLong.of(count), anchor);
  }
}
