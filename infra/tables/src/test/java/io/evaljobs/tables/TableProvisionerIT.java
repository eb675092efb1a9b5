package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TableProvisionerIT {

  @Test
  void createAll_onDynamoDbLocal_createsTablesExactlyAsDeclared() {
    TemplateTables tables = TemplateTables.load();
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      Map<String, String> names = TableProvisioner.createAll(dynamo.client(), tables, id -> "t-" + id);
      assertEquals(
          Set.of("EvaluationsTable", "EvaluationCountsTable", "ScoringJobsTable", "ApiKeysTable"), names.keySet());
      for (TableDefinition table : tables.tables()) {
        CreateTableRequest declared = table.toCreateRequest(names.get(table.logicalId()));
        TableDescription created =
            dynamo.client().describeTable(b -> b.tableName(names.get(table.logicalId()))).table();
        assertEquals(declared.keySchema(), created.keySchema());
        assertEquals(Set.copyOf(declared.attributeDefinitions()), Set.copyOf(created.attributeDefinitions()));
        assertEquals(declared.streamSpecification(), created.streamSpecification(), table.logicalId());
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
  void createAll_evaluationsTable_streamsEveryWriteWithOldAndNewImages() {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      String table = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id).get("EvaluationsTable");
      TableDescription created = dynamo.client().describeTable(b -> b.tableName(table)).table();
      assertEquals(
          StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build(),
          created.streamSpecification());
      assertNotNull(created.latestStreamArn());
      Map<String, AttributeValue> first = Map.of(
          "organization", AttributeValue.fromS("o"), "job_id", AttributeValue.fromS("j"),
          "status", AttributeValue.fromS("queued"));
      Map<String, AttributeValue> second = new HashMap<>(first);
      second.put("status", AttributeValue.fromS("completed"));
      dynamo.client().putItem(b -> b.tableName(table).item(first));
      dynamo.client().putItem(b -> b.tableName(table).item(second));

      List<Record> records = new ArrayList<>();
      DynamoDbStreamsClient streams = dynamo.streamsClient();
      for (Shard shard : streams.describeStream(b -> b.streamArn(created.latestStreamArn())).streamDescription().shards()) {
        String iterator = streams.getShardIterator(b -> b.streamArn(created.latestStreamArn())
            .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        records.addAll(streams.getRecords(b -> b.shardIterator(iterator)).records());
      }
      assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY), records.stream().map(Record::eventName).toList());
      StreamRecord change = records.get(1).dynamodb();
      assertEquals(first, change.oldImage());
      assertEquals(second, change.newImage());
    }
  }

  @Test
  void createAll_countsTable_acceptsCountersKeyedByPkAndSk() {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      String table =
          TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), id -> id).get("EvaluationCountsTable");
      Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("o#*#*"), "sk", AttributeValue.fromS("all"));
      dynamo.client().updateItem(b -> b.tableName(table).key(key).updateExpression("ADD n :one")
          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      dynamo.client().updateItem(b -> b.tableName(table).key(key).updateExpression("ADD n :one")
          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      assertEquals("2", dynamo.client().getItem(b -> b.tableName(table).key(key)).item().get("n").n());
      assertEquals(
          List.of(
              KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()),
          dynamo.client().describeTable(b -> b.tableName(table)).table().keySchema());
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
      assertEquals(TemplateTables.load().tables().size(), names.size());
      assertEquals(Set.copyOf(names.values()), Set.copyOf(client.listTables().tableNames()));
      assertEquals(names.get("ApiKeysTable"), "ApiKeysTable");
      client.close();
    }
  }
  @Test
  void servedServer_oneDatabaseForEveryCredentialAndRegion() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.serve("127.0.0.1", 0)) {
      assertEquals("127.0.0.1", server.listenHost());
      var provisioner = clientOf(server, "local", "us-east-1");
      var container = clientOf(server, "defaultkey", "eu-west-1");
      Map<String, String> names = TableProvisioner.createAll(provisioner, TemplateTables.load(), id -> id);
      assertEquals(Set.copyOf(names.values()), Set.copyOf(container.listTables().tableNames()));
      provisioner.close();
      container.close();
    }
  }

  @Test
  void servedServer_onEveryInterface_isReachedThroughLoopbackHere() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.serve("0.0.0.0", 0)) {
      assertEquals("0.0.0.0", server.listenHost());
      assertEquals("127.0.0.1", server.endpoint().getHost());
      assertEquals(server.port(), server.endpoint().getPort());
      var client = clientOf(server, "local", "us-east-1");
      assertEquals(java.util.List.of(), client.listTables().tableNames());
      client.close();
    }
  }

  private static software.amazon.awssdk.services.dynamodb.DynamoDbClient clientOf(
      DynamoDbLocalServer server, String accessKey, String region) {
    return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(software.amazon.awssdk.regions.Region.of(region))
        .credentialsProvider(
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(accessKey, "secret")))
        .build();
  }
  @Test
  void createAll_tableCreatedBetweenItsCheckAndItsCreation_isTakenAsCreated() {
    TemplateTables tables = TemplateTables.load();
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
      TableProvisioner.createAll(dynamo.client(), tables, id -> id);
      // Every first look says "not there", as when a retried CreateTable's first attempt is still being applied.
      java.util.Set<String> looked = new java.util.HashSet<>();
      software.amazon.awssdk.services.dynamodb.DynamoDbClient late =
          new software.amazon.awssdk.services.dynamodb.DynamoDbClient() {
            @Override
            public software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse describeTable(
                software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest request) {
              if (looked.add(request.tableName())) {
                throw software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder()
                    .message("not yet").build();
              }
              return dynamo.client().describeTable(request);
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.CreateTableResponse createTable(
                software.amazon.awssdk.services.dynamodb.model.CreateTableRequest request) {
              return dynamo.client().createTable(request);
            }

            @Override
            public String serviceName() {
              return "dynamodb";
            }

            @Override
            public void close() {}
          };
      Map<String, String> names = TableProvisioner.createAll(late, tables, id -> id);
      assertEquals(tables.tables().size(), names.size());
      assertEquals(names.size(), looked.size());
    }
  }
}
