package io.evaljobs.scoring;

import io.evaljobs.aws.DynamoDbClients;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same oracle against LocalStack's DynamoDB, where Docker is available. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackScoringJobsOracleIT extends ScoringJobsOracleContract {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");

  private DynamoDbClient client;

  @Override
  protected synchronized DynamoDbClient dynamo() {
    if (client == null) {
      client = DynamoDbClients.forEndpoint(LOCALSTACK.getEndpoint(), LOCALSTACK.getRegion());
    }
    return client;
  }
}
