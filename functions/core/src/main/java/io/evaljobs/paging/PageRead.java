package io.evaljobs.paging;

import io.evaljobs.dynamodb.ReadStats;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page of a listing as one request read it.
 *
 * @param stats what the whole request read: counting and locating the page as well as the page itself
 * @param totalCount how many items the whole listing holds, where the API reports it
 * @param index the index (or indexes) read; empty when the request needed no read at all
 */
public record PageRead<T>(Page<T> page, ReadStats stats, OptionalLong totalCount, Optional<String> index) {
  /** A listing nothing can match: nothing read, nothing counted. */
  public static <T> PageRead<T> nothingToRead(Page<T> page) {
    return new PageRead<>(page, ReadStats.NONE, OptionalLong.empty(), Optional.empty());
  }
}
