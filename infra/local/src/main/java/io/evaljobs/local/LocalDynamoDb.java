package io.evaljobs.local;

import io.evaljobs.dynamodb.DynamoDbClients;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB the local API runs on: DynamoDB Local inside this JVM, or one at a given endpoint. */
final class LocalDynamoDb implements AutoCloseable {
  private final DynamoDbClient client;
  private final AutoCloseable owner;
  private final String description;

  private LocalDynamoDb(DynamoDbClient client, AutoCloseable owner, String description) {
    this.client = client;
    this.owner = owner;
    this.description = description;
  }

  static LocalDynamoDb embedded() {
    EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();
    return new LocalDynamoDb(embedded.client(), embedded, "DynamoDB Local embedded in this process (in memory)");
  }

  static LocalDynamoDb at(URI endpoint, String region) {
    DynamoDbClient client = DynamoDbClients.forEndpoint(endpoint, region);
    return new LocalDynamoDb(client, client, "DynamoDB at " + endpoint);
  }

  DynamoDbClient client() {
    return client;
  }

  String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      owner.close();
    } catch (Exception e) {
      System.err.println("stopping DynamoDB: " + e);
    }
  }
}
