package io.evaljobs.paging;

import java.util.Map;

/** Reads a list function's configured page-size cap: an integer from 1 to the API's documented maximum. */
public final class MaxPageSize {
  private MaxPageSize() {}

  /**
   * The value of {@code variable}, or {@code documentedMax} when it is unset or blank. A value outside 1 to
   * {@code documentedMax} stops the function at start rather than serve pages the contract does not allow.
   */
  public static int fromEnvironment(Map<String, String> env, String variable, int documentedMax) {
    String text = env.get(variable);
    if (text == null || text.isBlank()) {
      return documentedMax;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(variable + " must be an integer from 1 to " + documentedMax);
    }
    if (value < 1 || value > documentedMax) {
      throw new IllegalStateException(variable + " must be an integer from 1 to " + documentedMax);
    }
    return value;
  }
}
