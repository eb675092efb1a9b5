package io.evaljobs.auth;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** One GetItem by key hash on the API keys table. */
final class DynamoDbApiKeyLookup implements ApiKeyLookup {
  private final DynamoDbClient dynamo;
  private final ApiKeyTable table;

  DynamoDbApiKeyLookup(DynamoDbClient dynamo, ApiKeyTable table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<ApiKeyRecord> find(KeyHash hash) {
    GetItemResponse response;
    try {
      response = dynamo.getItem(table.get(hash));
    } catch (SdkException e) {
      throw new KeyLookupFailedException("the API keys table could not be read", e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(table.record(response.item()));
    } catch (IllegalStateException e) {
      throw new KeyLookupFailedException("the stored API key " + hash + " is unreadable", e);
    }
  }
}
