package io.evaljobs.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * An API key table in memory that answers GetItem only and records every key it was asked for, so a test can see
 * exactly what the authorizer looks keys up by.
 */
final class ApiKeyTableDouble implements DynamoDbClient {
  private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
  private final List<Map<String, AttributeValue>> lookups = new ArrayList<>();

  /** Copies the items of a real table, keyed by their key_hash. */
  void put(Map<String, AttributeValue> item) {
    items.put(Map.of("key_hash", item.get("key_hash")), item);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    lookups.add(request.key());
    Map<String, AttributeValue> item = items.get(request.key());
    return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
  }

  List<Map<String, AttributeValue>> lookups() {
    return lookups;
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
