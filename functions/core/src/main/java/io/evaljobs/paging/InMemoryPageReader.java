package io.evaljobs.paging;

import io.evaljobs.dynamodb.Direction;
import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.KeyOrder;
import io.evaljobs.dynamodb.Position;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadResult;
import io.evaljobs.dynamodb.SortKeyCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages a listing that is known to be small by reading all of it through another index (a {@code source} query
 * whose key condition selects exactly the listing's items) and ordering it in memory as the listing's own index
 * would. Its pages, positions and cursors are those {@link PageReader} gives for the same listing, so a client can
 * move between the two readers from one page to the next. Every page costs the whole listing: callers choose it for
 * listings of a few thousand items whose own index would be read through a filter.
 */
public final class InMemoryPageReader {
  private final IndexReader reader;

  public InMemoryPageReader(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The page {@code cursor} points at in {@code listing}, reading at most {@code maxItems} items of {@code source}
   * (which must read the listing's key attributes). A source that holds more, or that {@code budget} cannot read
   * whole, throws {@link ReadBoundExceededException}.
   */
  public Page<Hit> read(
      IndexQuery source, IndexQuery listing, Cursor cursor, int limit, int maxItems, ReadBudget budget) {
    ReadResult read = reader.read(source, Position.startOf(0), Direction.FORWARD, maxItems + 1, budget);
    if (read.resume().isPresent()) {
      throw new ReadBoundExceededException(ReadBoundExceededException.Stage.FILLING);
    }
    List<Hit> ordered = ordered(read.hits(), listing);
    Comparator<Hit> order = order(listing);
    int start;
    switch (cursor.kind()) {
      case AFTER:
        start = firstAfter(ordered, anchor(cursor, listing), order, false);
        break;
      case BEFORE:
        int anchorIndex = firstAfter(ordered, anchor(cursor, listing), order, true);
        start = anchorIndex <= limit ? 0 : anchorIndex - limit;
        break;
      default:
        start = (int) Math.min(cursor.position(), ordered.size());
        if (cursor.position() > ordered.size()) {
          Optional<Cursor> previous = Optional.of(Cursor.atOffset(Math.max(0, cursor.position() - limit)));
          return new Page<>(List.of(), cursor.position(), Optional.empty(), previous, read.stats());
        }
        break;
    }
    int end = Math.min(start + limit, ordered.size());
    List<Hit> hits = ordered.subList(start, end);
    Optional<Cursor> next =
        end < ordered.size()
            ? Optional.of(Cursor.after(end, IndexReader.positionAfter(listing, hits.get(hits.size() - 1))))
            : Optional.empty();
    Optional<Cursor> previous;
    if (start == 0) {
      previous = Optional.empty();
    } else if (hits.isEmpty()) {
      previous = Optional.of(Cursor.atOffset(Math.max(0, start - limit)));
    } else {
      previous = Optional.of(Cursor.before(start, IndexReader.positionAfter(listing, hits.get(0))));
    }
    return new Page<>(hits, start, next, previous, read.stats());
  }

  /** The items as the listing orders them, each with the segment of the listing it falls in. */
  private static List<Hit> ordered(List<Hit> items, IndexQuery listing) {
    List<Hit> out = new ArrayList<>(items.size());
    for (Hit hit : items) {
      String sortKey = sortKey(hit, listing);
      int segment = segmentOf(sortKey, listing);
      if (segment >= 0) {
        out.add(new Hit(hit.item(), segment));
      }
    }
    out.sort(order(listing));
    return out;
  }

  private static int segmentOf(String sortKey, IndexQuery listing) {
    List<SortKeyCondition> segments = listing.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).holds(sortKey)) {
        return i;
      }
    }
    return -1;
  }

  /** Segment by segment, each in the listing's direction by its sort key (which ends in the item's unique id). */
  private static Comparator<Hit> order(IndexQuery listing) {
    Comparator<String> keys = listing.ascending() ? KeyOrder.UTF8 : KeyOrder.UTF8.reversed();
    return Comparator.<Hit>comparingInt(Hit::segment).thenComparing(hit -> sortKey(hit, listing), keys);
  }

  /** An item standing where {@code cursor}'s anchor does, for comparisons. */
  private static Hit anchor(Cursor cursor, IndexQuery listing) {
    Position position = cursor.anchor().orElseThrow();
    IndexReader.checkPosition(listing, position);
    String sortKey = position.lastKey().get(listing.sortKeyAttribute());
    if (sortKey == null || position.segment() < 0 || position.segment() >= listing.segments().size()) {
      throw new IllegalArgumentException("position does not belong to this listing");
    }
    return new Hit(Map.of(listing.sortKeyAttribute(), AttributeValue.fromS(sortKey)), position.segment());
  }

  /** The index of the first item after {@code anchor} (or at it, when {@code inclusive}). */
  private static int firstAfter(List<Hit> ordered, Hit anchor, Comparator<Hit> order, boolean inclusive) {
    int low = 0;
    int high = ordered.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      int cmp = order.compare(ordered.get(middle), anchor);
      if (cmp < 0 || (cmp == 0 && !inclusive)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static String sortKey(Hit hit, IndexQuery listing) {
    AttributeValue value = hit.item().get(listing.sortKeyAttribute());
    if (value == null || value.s() == null) {
      throw new IllegalStateException("item lacks the listing's sort key " + listing.sortKeyAttribute());
    }
    return value.s();
  }
}
