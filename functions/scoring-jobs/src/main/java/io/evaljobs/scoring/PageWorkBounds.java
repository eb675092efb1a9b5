package io.evaljobs.scoring;

/**
 * The work one response may cost, as constants that do not grow with the tenant: DynamoDB requests and items
 * examined per response, and the Limit of each request. A page that reaches a bound before it is full ends there,
 * with a {@code Link} that continues below the last sort key examined, so nothing is read twice.
 */
final class PageWorkBounds {
  /** Items examined (ScannedCount) by all the Queries of one response, at most. */
  static final int ITEMS_PER_PAGE = 4_000;

  /** Queries of one response, at most; each is one index partition read newest first. */
  static final int REQUESTS_PER_PAGE = 24;

  /** Limit of one Query, at most: about what DynamoDB returns within its own 1 MB per response for these items. */
  static final int ITEMS_PER_REQUEST = 1_000;

  /** Limit of a stream's first read, which measures its density before the reader commits to it. */
  static final int PROBE_ITEMS = 4;

  /**
   * Jobs in a response to a request without {@code limit}: the contract's clients read the body and never a
   * {@code Link}, so they get as much of the listing as the bounds allow (and the 4 MB response budget, which cuts
   * earlier for large jobs).
   */
  static final int UNPAGED_JOBS = 2_000;

  /** Every this many reads of a listing with several streams, the stream read longest ago is measured again. */
  static final int REPROBE_EVERY = 4;

  private PageWorkBounds() {}
}
