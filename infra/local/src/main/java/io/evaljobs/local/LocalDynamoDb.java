package io.evaljobs.local;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The DynamoDB the local API runs on: DynamoDB Local inside this JVM, or one at a given endpoint. */
final class LocalDynamoDb implements AutoCloseable {
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streams;
  private final AutoCloseable owner;
  private final String description;

  private LocalDynamoDb(
      DynamoDbClient client, DynamoDbStreamsClient streams, AutoCloseable owner, String description) {
    this.client = client;
    this.streams = streams;
    this.owner = owner;
    this.description = description;
  }

  static LocalDynamoDb embedded() {
    EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();
    return new LocalDynamoDb(
        embedded.client(), embedded.streamsClient(), embedded, "DynamoDB Local embedded in this process (in memory)");
  }

  static LocalDynamoDb at(URI endpoint, String region) {
    DynamoDbClient client = DynamoDbClients.forEndpoint(endpoint, region);
    DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(endpoint, region);
    AutoCloseable both = () -> {
      streams.close();
      client.close();
    };
    return new LocalDynamoDb(client, streams, both, "DynamoDB at " + endpoint);
  }

  DynamoDbClient client() {
    return client;
  }

  /** The same database's DynamoDB Streams API. */
  DynamoDbStreamsClient streams() {
    return streams;
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
