package io.evaljobs.dynamodb;

import java.util.List;
import java.util.Optional;

/**
 * Items read in the direction asked, and where reading would continue: empty when the listing was exhausted in
 * that direction.
 */
public record ReadResult(List<Hit> hits, Optional<Position> resume, ReadStats stats) {
  public ReadResult {
    hits = List.copyOf(hits);
  }
}
