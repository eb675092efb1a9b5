package io.evaljobs.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The DynamoDB tables template.yaml declares: the one description of the physical schema. */
public final class TemplateTables {
  private final List<TableDefinition> tables;

  private TemplateTables(List<TableDefinition> tables) {
    this.tables = List.copyOf(tables);
  }

  public static TemplateTables load() {
    return from(TemplateDocument.load());
  }

  public static TemplateTables from(TemplateDocument template) {
    List<TableDefinition> tables = new ArrayList<>();
    for (Map.Entry<String, Object> resource : template.resources().entrySet()) {
      if ("AWS::DynamoDB::Table".equals(template.type(resource.getKey()))) {
        tables.add(new TableDefinition(resource.getKey(), template.properties(resource.getKey())));
      }
    }
    return new TemplateTables(tables);
  }

  public List<TableDefinition> tables() {
    return tables;
  }

  public TableDefinition table(String logicalId) {
    return tables.stream()
        .filter(t -> t.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the template declares no table " + logicalId));
  }
}
