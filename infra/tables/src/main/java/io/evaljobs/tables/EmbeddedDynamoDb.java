package io.evaljobs.tables;

import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/** DynamoDB Local running inside this JVM, in memory: for tests and the local API. */
public final class EmbeddedDynamoDb implements AutoCloseable {
  private final AmazonDynamoDBLocal database;
  private final DynamoDbClient client;

  private EmbeddedDynamoDb(AmazonDynamoDBLocal database) {
    this.database = database;
    this.client = database.dynamoDbClient();
  }

  /** Starts an empty in-memory database with telemetry off. */
  public static EmbeddedDynamoDb start() {
    return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
  }

  public DynamoDbClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    database.shutdownNow();
  }
}
