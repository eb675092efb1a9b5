package io.evaljobs.dynamodb;

/** Where a listing stands after skipping items, and how many were actually skipped (fewer at the end). */
public record SkipResult(Position position, long skipped, boolean exhausted, ReadStats stats) {}
