package io.evaljobs.cli;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens the DynamoDB client a command works on; tests hand in a client of an embedded DynamoDB Local. */
@FunctionalInterface
public interface DynamoDbConnector {
  DynamoDbClient connect(Optional<URI> endpoint, String region);
}
