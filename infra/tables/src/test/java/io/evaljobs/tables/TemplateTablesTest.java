package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TemplateTablesTest {

  @Test
  void parse_shortFormIntrinsics_areReadAsLongForm() {
    TemplateDocument template =
        TemplateDocument.parse(
            "t",
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Env: !Ref Table\n      Arn: !GetAtt Table.Arn\n      Name: !Sub '${AWS::StackName}-x'\n");
    Map<String, Object> properties = template.properties("Fn");
    assertEquals(Map.of("Ref", "Table"), properties.get("Env"));
    assertEquals(Map.of("Fn::GetAtt", "Table.Arn"), properties.get("Arn"));
    assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-x"), properties.get("Name"));
  }

  @Test
  void load_projectTemplate_declaresTheFourTables() {
    List<String> ids = TemplateTables.load().tables().stream().map(TableDefinition::logicalId).toList();
    assertEquals(List.of("EvaluationsTable", "EvaluationCountsTable", "ScoringJobsTable", "ApiKeysTable"), ids);
  }

  @Test
  void toCreateRequest_evaluationsTable_enablesItsStreamWithOldAndNewImages() {
    // The counts consumer needs both images: a changed status or judge moves a job from one counter to another.
    TableDefinition table = TemplateTables.load().table("EvaluationsTable");
    assertEquals(Optional.of("NEW_AND_OLD_IMAGES"), table.streamViewType());
    StreamSpecification stream = table.toCreateRequest("evaluations").streamSpecification();
    assertEquals(true, stream.streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, stream.streamViewType());
  }

  @Test
  void toCreateRequest_countsTable_isKeyedByPkAndSkWithNoIndexOrStream() {
    TableDefinition table = TemplateTables.load().table("EvaluationCountsTable");
    CreateTableRequest request = table.toCreateRequest("counts");
    assertEquals(
        List.of(
            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()),
        request.keySchema());
    assertEquals(
        Set.of(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()),
        Set.copyOf(request.attributeDefinitions()));
    assertEquals(List.of(), table.globalSecondaryIndexNames());
    assertFalse(request.hasGlobalSecondaryIndexes() || request.hasLocalSecondaryIndexes());
    assertEquals(Optional.empty(), table.streamViewType());
    assertNull(request.streamSpecification());
  }

  @Test
  void toCreateRequest_tablesBesideEvaluations_haveNoStream() {
    for (TableDefinition table : TemplateTables.load().tables()) {
      if (!table.logicalId().equals("EvaluationsTable")) {
        assertEquals(Optional.empty(), table.streamViewType(), table.logicalId());
        assertNull(table.toCreateRequest("t").streamSpecification(), table.logicalId());
      }
    }
  }

  @Test
  void streamViewType_declaredWithoutAViewType_isRefused() {
    TemplateDocument template =
        TemplateDocument.parse(
            "t",
            "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                + "      StreamSpecification:\n        StreamViewType: !Ref View\n");
    assertThrows(IllegalArgumentException.class, () -> TemplateTables.from(template).table("T").streamViewType());
  }

  @Test
  void toCreateRequest_evaluationsTable_carriesEveryIndexOfTheTemplate() {
    TableDefinition table = TemplateTables.load().table("EvaluationsTable");
    CreateTableRequest request = table.toCreateRequest("evaluations");
    assertEquals("evaluations", request.tableName());
    assertEquals(16, request.globalSecondaryIndexes().size());
    assertEquals(table.globalSecondaryIndexNames(),
        request.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList());
    assertEquals("organization", request.keySchema().get(0).attributeName());
  }

  @Test
  void table_unknownLogicalId_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> TemplateTables.load().table("NoSuchTable"));
  }

  @Test
  void parse_notAMapping_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> TemplateDocument.parse("t", "- a\n- b\n"));
  }
}
