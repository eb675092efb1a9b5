package io.evaljobs.cli;

import io.evaljobs.aws.DynamoDbClients;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An explicit endpoint gets DynamoDB Local's dummy credentials; AWS itself gets the SDK's full default credentials
 * chain (environment, profiles, SSO, instance roles), as an operator's command line should.
 */
final class AwsConnector implements DynamoDbConnector {
  @Override
  public DynamoDbClient connect(Optional<URI> endpoint, String region) {
    if (endpoint.isPresent()) {
      return DynamoDbClients.forEndpoint(endpoint.get(), region);
    }
    // Named explicitly: the classpath carries several HTTP clients (DynamoDB Local brings its own).
    return DynamoDbClient.builder()
        .region(Region.of(region))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
