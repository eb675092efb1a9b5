package io.evaljobs.cli.imports;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns one JSON line into the table item it stands for; throws IllegalArgumentException naming what is wrong. */
@FunctionalInterface
interface ItemParser {
  Map<String, AttributeValue> parse(String line);
}
