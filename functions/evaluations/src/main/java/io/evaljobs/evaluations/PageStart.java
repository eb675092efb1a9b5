package io.evaljobs.evaluations;

/** Where the requested page starts: an integer offset, or a page token from an earlier response. */
sealed interface PageStart {

  /** The zero-based index of the first job to list. */
  record Offset(long offset) implements PageStart {}

  /** An opaque {@code next_offset}/{@code previous_offset} value, still to be opened for the caller's query. */
  record Token(String token) implements PageStart {}
}
