package io.evaljobs.paging;

import io.evaljobs.dynamodb.Position;
import io.evaljobs.dynamodb.ReadStats;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing: its items in listing order, the index of the first one in the whole listing, cursors to the
 * neighbouring pages (absent where there is none) and what reading the page cost.
 */
public record Page<T>(
    List<T> items, long position, Optional<Cursor> next, Optional<Cursor> previous, ReadStats stats) {
  public Page {
    items = List.copyOf(items);
  }

  /** A page holding nothing at {@code position}, whose previous page starts {@code limit} items before it. */
  public static <T> Page<T> emptyAt(long position, int limit, ReadStats stats) {
    Optional<Cursor> previous =
        position > 0 ? Optional.of(Cursor.atOffset(Math.max(0, position - limit))) : Optional.empty();
    return new Page<>(List.of(), position, Optional.empty(), previous, stats);
  }

  /** The same page with each item converted; positions, cursors and cost stay. */
  public <R> Page<R> map(Function<? super T, ? extends R> convert) {
    return new Page<>(items.stream().<R>map(convert).toList(), position, next, previous, stats);
  }

  /** The same page holding {@code converted}: its items converted, in the same order. */
  public <R> Page<R> withItems(List<R> converted) {
    if (converted.size() != items.size()) {
      throw new IllegalArgumentException("a page of " + items.size() + " items cannot hold " + converted.size());
    }
    return new Page<>(converted, position, next, previous, stats);
  }

  /**
   * This page cut to its first {@code count} items; the next page then starts right after the last one kept, at the
   * position {@code positionAfter} gives for it.
   */
  public Page<T> truncatedTo(int count, Function<? super T, Position> positionAfter) {
    if (count <= 0 || count > items.size()) {
      throw new IllegalArgumentException("a page of " + items.size() + " items cannot keep " + count);
    }
    if (count == items.size()) {
      return this;
    }
    List<T> kept = items.subList(0, count);
    Cursor after = Cursor.after(position + count, positionAfter.apply(kept.get(count - 1)));
    return new Page<>(kept, position, Optional.of(after), previous, stats);
  }

  public boolean hasNext() {
    return next.isPresent();
  }

  public boolean hasPrevious() {
    return position > 0;
  }
}
