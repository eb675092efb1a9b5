package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.DynamoDbClients;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB an integration suite runs against, and how to let go of it. */
interface DynamoDbBackend extends AutoCloseable {
  DynamoDbClient client();

  @Override
  void close();

  /** In-process DynamoDB Local. */
  static DynamoDbBackend embedded() {
    EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
    return new DynamoDbBackend() {
      @Override
      public DynamoDbClient client() {
        return dynamo.client();
      }

      @Override
      public void close() {
        dynamo.close();
      }
    };
  }

  /** A DynamoDB-compatible endpoint someone else runs (e.g. a LocalStack container). */
  static DynamoDbBackend endpoint(URI endpoint, String region) {
    DynamoDbClient client = DynamoDbClients.forEndpoint(endpoint, region);
    return new DynamoDbBackend() {
      @Override
      public DynamoDbClient client() {
        return client;
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
