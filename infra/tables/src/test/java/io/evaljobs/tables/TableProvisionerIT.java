package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableProvisionerIT {

  @Test
  void createAll_onDynamoDbLocal_createsTablesExactlyAsDeclared() {
    TemplateTables tables = TemplateTables.load();
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      Map<String, String> names = TableProvisioner.createAll(dynamo.client(), tables, id -> "t-" + id);
      assertEquals(Set.of("EvaluationsTable", "ScoringJobsTable", "ApiKeysTable"), names.keySet());
      for (TableDefinition table : tables.tables()) {
        CreateTableRequest declared = table.toCreateRequest(names.get(table.logicalId()));
        TableDescription created =
            dynamo.client().describeTable(b -> b.tableName(names.get(table.logicalId()))).table();
        assertEquals(declared.keySchema(), created.keySchema());
        assertEquals(Set.copyOf(declared.attributeDefinitions()), Set.copyOf(created.attributeDefinitions()));
        Map<String, ?> createdIndexes =
            created.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> i));
        assertEquals(table.globalSecondaryIndexNames().size(), createdIndexes.size());
        declared.globalSecondaryIndexes().forEach(index -> {
          GlobalSecondaryIndexDescription description =
              (GlobalSecondaryIndexDescription) createdIndexes.get(index.indexName());
          assertEquals(index.keySchema(), description.keySchema(), index.indexName());
          assertEquals(index.projection().projectionType(), description.projection().projectionType());
        });
      }
    }
  }

  @Test
  void createAll_twice_keepsExistingTables() {
    TemplateTables tables = TemplateTables.load();
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      TableProvisioner.createAll(dynamo.client(), tables, id -> id);
      dynamo.client().putItem(b -> b.tableName("ApiKeysTable")
          .item(Map.of("key_hash", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("h"))));
      TableProvisioner.createAll(dynamo.client(), tables, id -> id);
      assertEquals(1, dynamo.client().getItem(b -> b.tableName("ApiKeysTable")
          .key(Map.of("key_hash", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("h"))))
          .item().size());
    }
  }

  @Test
  void server_onLoopback_servesTheSameTables() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0)) {
      assertEquals("127.0.0.1", server.listenHost(), "never reachable from another machine");
      assertEquals("127.0.0.1", server.endpoint().getHost());
      var client =
          software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
              .endpointOverride(server.endpoint())
              .region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .credentialsProvider(
                  software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                      software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
              .build();
      Map<String, String> names = TableProvisioner.createAll(client, TemplateTables.load(), id -> id);
      assertEquals(3, client.listTables().tableNames().size());
      assertEquals(names.get("ApiKeysTable"), "ApiKeysTable");
      client.close();
    }
  }
}
