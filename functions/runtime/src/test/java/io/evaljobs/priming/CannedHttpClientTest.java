package io.evaljobs.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.aws.DynamoDbClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class CannedHttpClientTest {

  @Test
  void getItem_throughTheCannedClient_returnsTheCannedItem() {
    try (DynamoDbClient dynamo =
        DynamoDbClients.withHttpClient(new CannedHttpClient("{\"Item\":{\"key_hash\":{\"S\":\"abc\"}}}"))) {
      GetItemResponse response =
          dynamo.getItem(b -> b.tableName("any").key(Map.of("key_hash", AttributeValue.fromS("x"))));

      assertEquals("abc", response.item().get("key_hash").s());
    }
  }
}
