package io.evaljobs.dynamodb;

/** The number of items a listing holds, and what counting them cost. */
public record CountResult(long count, ReadStats stats) {}
