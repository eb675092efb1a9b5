package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.dynamodb.SortableValues;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatedRangeTest {
  private static final Instant T = Instant.parse("2024-01-14T00:00:00Z");

  @Test
  void between_boundsAreStrict() {
    CreatedRange range = CreatedRange.between(Optional.of(T), Optional.of(T.plusSeconds(1))).orElseThrow();

    assertFalse(range.contains(T));
    assertTrue(range.contains(T.plusNanos(1)));
    assertTrue(range.contains(T.plusSeconds(1).minusNanos(1)));
    assertFalse(range.contains(T.plusSeconds(1)));
  }

  @Test
  void between_equalOrAdjacentBounds_isEmpty() {
    assertEquals(Optional.empty(), CreatedRange.between(Optional.of(T), Optional.of(T)));
    assertEquals(Optional.empty(), CreatedRange.between(Optional.of(T), Optional.of(T.plusNanos(1))));
    assertTrue(CreatedRange.between(Optional.of(T), Optional.of(T.plusNanos(2))).isPresent());
  }

  @Test
  void between_noBounds_isAll() {
    assertTrue(CreatedRange.between(Optional.empty(), Optional.empty()).orElseThrow().isAll());
  }

  @Test
  void between_outsideStorableYears_isClampedWithoutLettingInExcludedJobs() {
    Instant farPast = Instant.parse("-5000-01-01T00:00:00Z");
    Instant farFuture = Instant.parse("+20000-01-01T00:00:00Z");

    CreatedRange wide = CreatedRange.between(Optional.of(farPast), Optional.of(farFuture)).orElseThrow();
    assertTrue(wide.isAll());
    assertTrue(wide.contains(SortableValues.MIN_INSTANT));
    assertTrue(wide.contains(SortableValues.MAX_INSTANT));

    assertEquals(Optional.empty(), CreatedRange.between(Optional.of(SortableValues.MAX_INSTANT), Optional.empty()));
    assertEquals(Optional.empty(), CreatedRange.between(Optional.of(farFuture), Optional.empty()));
    assertEquals(Optional.empty(), CreatedRange.between(Optional.empty(), Optional.of(SortableValues.MIN_INSTANT)));
    assertEquals(Optional.empty(), CreatedRange.between(Optional.empty(), Optional.of(farPast)));

    CreatedRange late = CreatedRange.between(Optional.of(SortableValues.MAX_INSTANT.minusNanos(1)), Optional.empty())
        .orElseThrow();
    assertEquals(SortableValues.MAX_INSTANT, late.lowest());
    assertEquals(SortableValues.MAX_INSTANT, late.highest());
  }
}
