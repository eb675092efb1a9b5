package io.evaljobs.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * One AWS::DynamoDB::Table of the template: its key schema, attribute definitions and indexes, ready to create
 * under any name. Deployment-only settings (point-in-time recovery, encryption, retention) stay in the template.
 */
public final class TableDefinition {
  private final String logicalId;
  private final Map<String, Object> properties;

  TableDefinition(String logicalId, Map<String, Object> properties) {
    this.logicalId = logicalId;
    this.properties = properties;
  }

  public String logicalId() {
    return logicalId;
  }

  /** Names of the table's global secondary indexes, in template order. */
  public List<String> globalSecondaryIndexNames() {
    List<String> names = new ArrayList<>();
    for (Object index : list("GlobalSecondaryIndexes")) {
      names.add(string(TemplateDocument.asMap(index, logicalId), "IndexName"));
    }
    return names;
  }

  /** The table's stream view type (e.g. NEW_AND_OLD_IMAGES); empty for a table without a stream. */
  public Optional<String> streamViewType() {
    Object stream = properties.get("StreamSpecification");
    if (stream == null) {
      return Optional.empty();
    }
    return Optional.of(string(TemplateDocument.asMap(stream, logicalId + " StreamSpecification"), "StreamViewType"));
  }

  public CreateTableRequest toCreateRequest(String tableName) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributeDefinitions())
            .keySchema(keySchema(list("KeySchema")));
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    for (Object entry : list("GlobalSecondaryIndexes")) {
      Map<String, Object> index = TemplateDocument.asMap(entry, logicalId);
      globals.add(
          GlobalSecondaryIndex.builder()
              .indexName(string(index, "IndexName"))
              .keySchema(keySchema(listOf(index, "KeySchema")))
              .projection(projection(index))
              .build());
    }
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals);
    }
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    for (Object entry : list("LocalSecondaryIndexes")) {
      Map<String, Object> index = TemplateDocument.asMap(entry, logicalId);
      locals.add(
          LocalSecondaryIndex.builder()
              .indexName(string(index, "IndexName"))
              .keySchema(keySchema(listOf(index, "KeySchema")))
              .projection(projection(index))
              .build());
    }
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals);
    }
    streamViewType()
        .ifPresent(view -> request.streamSpecification(
            StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
    return request.build();
  }

  private List<AttributeDefinition> attributeDefinitions() {
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (Object entry : list("AttributeDefinitions")) {
      Map<String, Object> definition = TemplateDocument.asMap(entry, logicalId);
      definitions.add(
          AttributeDefinition.builder()
              .attributeName(string(definition, "AttributeName"))
              .attributeType(string(definition, "AttributeType"))
              .build());
    }
    return definitions;
  }

  private List<KeySchemaElement> keySchema(List<Object> elements) {
    List<KeySchemaElement> schema = new ArrayList<>();
    for (Object entry : elements) {
      Map<String, Object> element = TemplateDocument.asMap(entry, logicalId);
      schema.add(
          KeySchemaElement.builder()
              .attributeName(string(element, "AttributeName"))
              .keyType(string(element, "KeyType"))
              .build());
    }
    return schema;
  }

  private Projection projection(Map<String, Object> index) {
    Map<String, Object> projection = TemplateDocument.asMap(index.get("Projection"), logicalId + " Projection");
    Projection.Builder builder = Projection.builder().projectionType(string(projection, "ProjectionType"));
    if (projection.containsKey("NonKeyAttributes")) {
      List<String> attributes = new ArrayList<>();
      listOf(projection, "NonKeyAttributes").forEach(a -> attributes.add(String.valueOf(a)));
      builder.nonKeyAttributes(attributes);
    }
    return builder.build();
  }

  private List<Object> list(String property) {
    return listOf(properties, property);
  }

  @SuppressWarnings("unchecked")
  private List<Object> listOf(Map<String, Object> map, String property) {
    Object value = map.get(property);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(logicalId + "." + property + " is not a list");
    }
    return (List<Object>) value;
  }

  private String string(Map<String, Object> map, String property) {
    Object value = map.get(property);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(logicalId + "." + property + " must be a literal string");
    }
    return (String) value;
  }
}
