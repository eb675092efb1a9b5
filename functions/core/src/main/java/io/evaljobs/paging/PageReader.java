package io.evaljobs.paging;

import io.evaljobs.dynamodb.Direction;
import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.Position;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadResult;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.dynamodb.SkipResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the page a {@link Cursor} points at. Pages reached by an anchor cost O(limit) reads at any depth; integer
 * offsets cost a count-only pass over the skipped items. {@code has next} is decided by reading one item more than
 * the page holds, never from DynamoDB's LastEvaluatedKey alone.
 */
public final class PageReader {
  private final IndexReader reader;

  public PageReader(IndexReader reader) {
    this.reader = reader;
  }

  public Page read(IndexQuery query, Cursor cursor, int limit, ReadBudget budget) {
    switch (cursor.kind()) {
      case AFTER:
        return forward(query, cursor.anchor().orElseThrow(), cursor.position(), limit, budget, ReadStats.NONE);
      case BEFORE:
        return cursor.position() <= limit
            ? atOffset(query, 0, limit, budget)
            : backward(query, cursor.anchor().orElseThrow(), cursor.position(), limit, budget);
      default:
        return atOffset(query, cursor.position(), limit, budget);
    }
  }

  private Page atOffset(IndexQuery query, long offset, int limit, ReadBudget budget) {
    if (offset == 0) {
      return forward(query, Position.startOf(0), 0, limit, budget, ReadStats.NONE);
    }
    SkipResult skip = reader.skip(query, offset);
    if (skip.exhausted()) {
      Optional<Cursor> previous = Optional.of(Cursor.atOffset(Math.max(0, offset - limit)));
      return new Page(List.of(), offset, Optional.empty(), previous, skip.stats());
    }
    return forward(query, skip.position(), offset, limit, budget, skip.stats());
  }

  private Page forward(
      IndexQuery query, Position from, long position, int limit, ReadBudget budget, ReadStats spent) {
    ReadResult read = reader.read(query, from, Direction.FORWARD, limit + 1, budget);
    List<Hit> hits = read.hits();
    Optional<Cursor> next;
    if (hits.size() > limit) {
      hits = hits.subList(0, limit);
      next = Optional.of(Cursor.after(position + limit, IndexReader.positionAfter(query, hits.get(limit - 1))));
    } else {
      // Fewer than asked and not exhausted: the budget ran out; resume where reading stopped.
      next = read.resume().map(resume -> Cursor.after(position + read.hits().size(), resume));
    }
    return new Page(hits, position, next, previousOf(query, hits, position, limit), spent.plus(read.stats()));
  }

  private Page backward(IndexQuery query, Position anchor, long anchorPosition, int limit, ReadBudget budget) {
    ReadResult read = reader.read(query, anchor, Direction.BACKWARD, limit, budget);
    List<Hit> hits = new ArrayList<>(read.hits());
    Collections.reverse(hits);
    // Exhausted going backward means these are the listing's first items, whatever positions said before.
    long position = read.resume().isEmpty() ? 0 : anchorPosition - hits.size();
    Optional<Cursor> next =
        hits.isEmpty()
            ? Optional.of(Cursor.atOffset(0))
            : Optional.of(Cursor.after(position + hits.size(), IndexReader.positionAfter(query, hits.get(hits.size() - 1))));
    return new Page(hits, position, next, previousOf(query, hits, position, limit), read.stats());
  }

  private static Optional<Cursor> previousOf(IndexQuery query, List<Hit> hits, long position, int limit) {
    if (position == 0) {
      return Optional.empty();
    }
    if (hits.isEmpty()) {
      return Optional.of(Cursor.atOffset(Math.max(0, position - limit)));
    }
    return Optional.of(Cursor.before(position, IndexReader.positionAfter(query, hits.get(0))));
  }
}
