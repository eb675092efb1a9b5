package io.evaljobs.tables;

import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/** DynamoDB Local running inside this JVM, in memory: for tests and the local API. */
public final class EmbeddedDynamoDb implements AutoCloseable {
  private final AmazonDynamoDBLocal database;
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;

  private EmbeddedDynamoDb(AmazonDynamoDBLocal database) {
    this.database = database;
    this.client = database.dynamoDbClient();
    this.streams = database.dynamoDbStreamsClient();
  }

  /** Starts an empty in-memory database with telemetry off. */
  public static EmbeddedDynamoDb start() {
    return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
  }

  public DynamoDbClient client() {
    return client;
  }

  /** The same database's DynamoDB Streams API. */
  public DynamoDbStreamsClient streamsClient() {
    return streams;
  }

  @Override
  public void close() {
    streams.close();
    client.close();
    database.shutdownNow();
  }
}
