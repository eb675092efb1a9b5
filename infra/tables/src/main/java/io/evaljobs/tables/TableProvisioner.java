package io.evaljobs.tables;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates the template's tables on any DynamoDB endpoint: DynamoDB Local, LocalStack or AWS. */
public final class TableProvisioner {
  private TableProvisioner() {}

  /**
   * Creates every table of {@code tables} that does not exist yet under the name {@code nameForLogicalId} gives it,
   * and waits until all are active. Existing tables are left as they are.
   *
   * @return the table name of each logical id
   */
  public static Map<String, String> createAll(
      DynamoDbClient dynamo, TemplateTables tables, UnaryOperator<String> nameForLogicalId) {
    Map<String, String> names = new LinkedHashMap<>();
    for (TableDefinition table : tables.tables()) {
      String name = nameForLogicalId.apply(table.logicalId());
      if (!exists(dynamo, name)) {
        try {
          dynamo.createTable(table.toCreateRequest(name));
        } catch (ResourceInUseException e) {
          // Created meanwhile: by another process, or by this request's own first attempt when the SDK retried it
          // after a timeout (seen against a busy DynamoDB Local server). The waiter below checks it is there.
        }
      }
      names.put(table.logicalId(), name);
    }
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(dynamo)
            .overrideConfiguration(WaiterOverrideConfiguration.builder().waitTimeout(Duration.ofMinutes(5)).build())
            .build()) {
      for (String name : names.values()) {
        waiter.waitUntilTableExists(DescribeTableRequest.builder().tableName(name).build());
      }
    }
    return names;
  }

  private static boolean exists(DynamoDbClient dynamo, String name) {
    try {
      dynamo.describeTable(DescribeTableRequest.builder().tableName(name).build());
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }
}
