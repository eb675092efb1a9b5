package io.evaljobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

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
  void load_projectTemplate_declaresTheThreeTables() {
    List<String> ids = TemplateTables.load().tables().stream().map(TableDefinition::logicalId).toList();
    assertEquals(List.of("EvaluationsTable", "ScoringJobsTable", "ApiKeysTable"), ids);
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
