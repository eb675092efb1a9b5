package io.evaljobs.paging;

import java.util.List;

/**
 * Caps the bytes of one page's response. Lambda refuses a synchronous response over 6 MB and stored strings are
 * only bounded by DynamoDB's 400 KB item size, so a page of huge items ends early, with a next token, rather than
 * failing; normal pages are far below the budget and never cut.
 */
public final class ResponseBytes {
  /** Room for the items of one page, below Lambda's 6 MB with space for the envelope, headers and tokens. */
  public static final long BUDGET = 4L * 1024 * 1024;

  /** Per item: field names, punctuation, numbers and timestamps of the widest item. */
  private static final long ITEM_OVERHEAD = 1_024;

  private ResponseBytes() {}

  /**
   * The most bytes the strings of one item can take in JSON, whatever they hold: six per UTF-16 unit, as when
   * every character is written as a {@code \\uXXXX} escape, plus quotes and the item's fixed part.
   */
  public static long worstCase(List<String> strings) {
    long bytes = ITEM_OVERHEAD;
    for (String text : strings) {
      bytes += 6L * text.length() + 2;
    }
    return bytes;
  }

  /** How many leading items fit in {@link #BUDGET}; at least one, which alone always fits (items are at most 400 KB). */
  public static int fitting(List<Long> worstCases) {
    long total = 0;
    for (int i = 0; i < worstCases.size(); i++) {
      total += worstCases.get(i);
      if (total > BUDGET && i > 0) {
        return i;
      }
    }
    return worstCases.size();
  }
}
