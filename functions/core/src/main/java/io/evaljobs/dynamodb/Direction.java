package io.evaljobs.dynamodb;

/** Which way a read moves through a listing, relative to the listing's own order. */
public enum Direction {
  FORWARD,
  BACKWARD
}
