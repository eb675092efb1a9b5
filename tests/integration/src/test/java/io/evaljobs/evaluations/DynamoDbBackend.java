package io.evaljobs.evaluations;

import io.evaljobs.aws.DynamoDbClients;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.tables.EmbeddedDynamoDb;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The DynamoDB an integration suite runs against, and how to let go of it. */
interface DynamoDbBackend extends AutoCloseable {
  DynamoDbClient client();

  /** The same database's DynamoDB Streams API, which the counts poller reads. */
  DynamoDbStreamsClient streams();

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
      public DynamoDbStreamsClient streams() {
        return dynamo.streamsClient();
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
    DynamoDbStreamsClient streams = EvaluationCountsPoller.streamsClient(endpoint, region);
    return new DynamoDbBackend() {
      @Override
      public DynamoDbClient client() {
        return client;
      }

      @Override
      public DynamoDbStreamsClient streams() {
        return streams;
      }

      @Override
      public void close() {
        streams.close();
        client.close();
      }
    };
  }
}
