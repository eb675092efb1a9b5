package io.evaljobs.evaluations;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The LocalStack image the LocalStack suites run against. */
final class LocalStackContainers {
  private LocalStackContainers() {}

  static LocalStackContainer dynamoDb() {
    return new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");
  }

  static DynamoDbBackend backendOf(LocalStackContainer container) {
    return DynamoDbBackend.endpoint(container.getEndpoint(), container.getRegion());
  }
}
