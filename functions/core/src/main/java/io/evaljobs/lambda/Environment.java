package io.evaljobs.lambda;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration as its environment variables give it. A variable set to blank counts as unset, as
 * CloudFormation leaves an empty parameter; a missing required one stops the function at start, naming it.
 */
public record Environment(Map<String, String> variables) {
  // A process's environment never changes, so it is read and copied once.
  private static final Environment SYSTEM = new Environment(System.getenv());

  public Environment {
    variables = Map.copyOf(variables);
  }

  /** The process's environment. */
  public static Environment system() {
    return SYSTEM;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  public String required(String name) {
    return optional(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
  }

  /** An integer from 1 to {@code max}; {@code max} when unset. Any other value stops the function at start. */
  public int intUpTo(String name, int max) {
    Optional<String> text = optional(name);
    if (text.isEmpty()) {
      return max;
    }
    try {
      int value = Integer.parseInt(text.get().trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range, as an out-of-range value is.
    }
    throw new IllegalStateException(name + " must be an integer from 1 to " + max);
  }
}
