package io.evaljobs.sam;

import io.evaljobs.tables.TemplateDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function of template.yaml as sam build and sam local read it: its logical id, handler, code location, build
 * method, and the environment variables it declares (Globals first, its own over them) with their template values.
 */
record SamFunction(
    String logicalId, String handler, Object codeUri, Object buildMethod, Map<String, Object> declaredVariables) {

  static List<SamFunction> all(TemplateDocument template) {
    Map<String, Object> globals = variables(mapOrEmpty(template.section("Globals").get("Function")));
    return template.resources().keySet().stream()
        .filter(id -> template.type(id).equals("AWS::Serverless::Function"))
        .map(id -> {
          Map<String, Object> properties = template.properties(id);
          Map<String, Object> declared = new LinkedHashMap<>(globals);
          declared.putAll(variables(properties));
          Object metadata = mapOrEmpty(mapOrEmpty(template.resources().get(id)).get("Metadata")).get("BuildMethod");
          return new SamFunction(id, String.valueOf(properties.get("Handler")), properties.get("CodeUri"), metadata,
              Map.copyOf(declared));
        })
        .toList();
  }

  /** The handler's class name, without {@code ::method}. */
  String handlerClass() {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  private static Map<String, Object> variables(Map<String, Object> properties) {
    return mapOrEmpty(mapOrEmpty(properties.get("Environment")).get("Variables"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapOrEmpty(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
