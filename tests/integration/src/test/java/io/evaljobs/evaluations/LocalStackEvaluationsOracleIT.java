package io.evaljobs.evaluations;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/** The oracle suite on LocalStack's DynamoDB; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEvaluationsOracleIT extends EvaluationsOracleSuite {
  @Container
  static final LocalStackContainer LOCALSTACK = LocalStackContainers.dynamoDb();

  @Override
  protected DynamoDbBackend openBackend() {
    return LocalStackContainers.backendOf(LOCALSTACK);
  }
}
