package io.evaljobs.scoring;

import io.evaljobs.tables.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ScoringJobsOracleIT extends ScoringJobsOracleContract {
  private final EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start();

  @Override
  protected DynamoDbClient dynamo() {
    return embedded.client();
  }

  @AfterAll
  void stopDynamoDb() {
    embedded.close();
  }
}
