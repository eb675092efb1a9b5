package io.evaljobs.dynamodb;

import java.util.Map;

/**
 * A point in a listing between two items: a segment of the {@link IndexQuery} and the key of the last item passed
 * in it (empty when nothing of the segment has been passed yet). Read in either direction, it continues after that
 * item.
 */
public record Position(int segment, Map<String, String> lastKey) {
  public Position {
    lastKey = Map.copyOf(lastKey);
  }

  public static Position startOf(int segment) {
    return new Position(segment, Map.of());
  }

  public boolean atSegmentStart() {
    return lastKey.isEmpty();
  }
}
