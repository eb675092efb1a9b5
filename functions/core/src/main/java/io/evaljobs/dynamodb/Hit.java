package io.evaljobs.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item read from an index, with the segment it came from. */
public record Hit(Map<String, AttributeValue> item, int segment) {}
