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
 * offsets cost a count-only pass over the skipped items, within the same budget as the page. {@code has next} is decided by reading one item more than
 * the page holds, never from DynamoDB's LastEvaluatedKey alone.
 */
public final class PageReader {
  private final IndexReader reader;

  public PageReader(IndexReader reader) {
    this.reader = reader;
  }

  public Page<Hit> read(IndexQuery query, Cursor cursor, int limit, ReadBudget budget) {
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

  private Page<Hit> atOffset(IndexQuery query, long offset, int limit, ReadBudget budget) {
    return readAt(query, offset, offset, limit, budget);
  }

  /**
   * The page that starts {@code skip} items into {@code query}, labelled as position {@code position} of the whole
   * listing: {@code query} may be a part of the listing that a caller has already located (by counters, say) and
   * that ends where the listing ends, so the page's cursors hold for the whole listing. Skipping and reading share
   * {@code budget}; a skip it cannot finish throws {@link ReadBoundExceededException}.
   */
  public Page<Hit> readAt(IndexQuery query, long skip, long position, int limit, ReadBudget budget) {
    if (skip == 0) {
      return forward(query, Position.startOf(0), position, limit, budget, ReadStats.NONE);
    }
    SkipResult skipped = reader.skip(query, skip, budget);
    if (skipped.exhausted()) {
      Optional<Cursor> previous = Optional.of(Cursor.atOffset(Math.max(0, position - limit)));
      return new Page<>(List.of(), position, Optional.empty(), previous, skipped.stats());
    }
    Optional<ReadBudget> left = budget.remainingAfter(skipped.stats());
    if (skipped.stoppedByBudget(skip) || left.isEmpty()) {
      throw new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING, skipped.stats());
    }
    return forward(query, skipped.position(), position, limit, left.get(), skipped.stats());
  }

  private Page<Hit> forward(
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
    return new Page<>(hits, position, next, previousOf(query, hits, position, limit), spent.plus(read.stats()));
  }

  private Page<Hit> backward(IndexQuery query, Position anchor, long anchorPosition, int limit, ReadBudget budget) {
    ReadResult read = reader.read(query, anchor, Direction.BACKWARD, limit, budget);
    List<Hit> hits = new ArrayList<>(read.hits());
    Collections.reverse(hits);
    // Exhausted going backward means these are the listing's first items, whatever positions said before.
    long position = read.resume().isEmpty() ? 0 : anchorPosition - hits.size();
    Optional<Cursor> next =
        hits.isEmpty()
            ? Optional.of(Cursor.atOffset(0))
            : Optional.of(Cursor.after(position + hits.size(), IndexReader.positionAfter(query, hits.get(hits.size() - 1))));
    return new Page<>(hits, position, next, previousOf(query, hits, position, limit), read.stats());
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
