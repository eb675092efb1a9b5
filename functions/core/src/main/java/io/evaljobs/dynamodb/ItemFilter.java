package io.evaljobs.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A FilterExpression applied after the key condition. Placeholders must start with {@code #f} and {@code :f} so
 * they never meet the key condition's own.
 */
public record ItemFilter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
  public ItemFilter {
    names = Map.copyOf(names);
    values = Map.copyOf(values);
  }
}
