package io.evaljobs.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tables.TemplateDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What sam build and sam local read, checked where SAM itself is not available: template, Makefile, env-vars file. */
class SamConfigurationTest {
  private final TemplateDocument template = Project.template();
  private final List<SamFunction> functions = SamFunction.all(template);

  @Test
  void template_everyFunction_isBuiltByTheMakefileFromTheRoot() throws IOException {
    String makefile = Files.readString(Project.root().resolve("Makefile"));
    assertEquals(4, functions.size(), functions.toString());
    for (SamFunction function : functions) {
      assertEquals("makefile", function.buildMethod(), function.logicalId());
      assertEquals(".", function.codeUri(), function.logicalId() + ": the Makefile sits at the root");
      assertTrue(
          makefile.lines().anyMatch(line -> line.startsWith("build-" + function.logicalId() + ":")),
          "the Makefile has no target build-" + function.logicalId());
    }
  }

  @Test
  void template_apis_getNoExtraStageStage() {
    Map<String, Object> api = SamFunction.mapOrEmpty(template.section("Globals").get("Api"));
    assertTrue(String.valueOf(api.get("OpenApiVersion")).matches("3\\.\\d+\\.\\d+"), String.valueOf(api));
  }

  @Test
  void envVarsFile_namesEveryFunction_andOnlyVariablesTheTemplateDeclares() {
    Map<String, Map<String, String>> file = Project.envVarsFile();
    Set<String> ids = new TreeSet<>();
    for (SamFunction function : functions) {
      ids.add(function.logicalId());
      Map<String, String> variables = file.get(function.logicalId());
      assertTrue(variables != null && !variables.isEmpty(), function.logicalId() + " has no entry");
      for (String name : variables.keySet()) {
        // SAM passes a function only the variables its template declares: any other entry would be ignored silently.
        assertTrue(function.declaredVariables().containsKey(name), function.logicalId() + " does not declare " + name);
      }
    }
    assertEquals(ids, new TreeSet<>(file.keySet()));
  }

  @Test
  void envVarsFile_resolvesNoResourceToItsLogicalIdExceptTables() {
    Map<String, Map<String, String>> file = Project.envVarsFile();
    for (SamFunction function : functions) {
      Map<String, String> env = SamLocalEnvironment.of(template, function, file);
      function.declaredVariables().forEach((name, value) -> {
        if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String target
            && template.resources().containsKey(target)) {
          // sam local resolves !Ref Resource to the logical id: right for a table (the local tables carry their logical
          // ids), wrong for anything else, such as the page token secret's ARN.
          boolean table = template.type(target).equals("AWS::DynamoDB::Table");
          assertTrue(
              table || !env.get(name).equals(target), function.logicalId() + " " + name + " would be '" + target + "'");
          assertTrue(!table || env.get(name).equals(target), function.logicalId() + " " + name + " names another table");
        }
      });
    }
  }

  @Test
  void envVarsFile_pointsEveryFunctionAtTheServedDynamoDbAsContainersReachIt() {
    for (SamFunction function : functions) {
      String endpoint = Project.envVarsFile().get(function.logicalId()).get("DYNAMODB_ENDPOINT");
      assertEquals(URI.create("http://host.docker.internal:8000"), URI.create(String.valueOf(endpoint)),
          function.logicalId() + ": the README serves DynamoDB on port 8000 for containers");
    }
  }

  @Test
  void samconfig_localCommands_readTheEnvVarsFile_andDeployTakesTheBuiltTemplate() throws IOException {
    String config = Files.readString(Project.root().resolve("samconfig.toml"));
    for (String section : List.of("[default.local_invoke.parameters]", "[default.local_start_api.parameters]")) {
      int start = config.indexOf(section);
      assertTrue(start >= 0, section);
      int end = config.indexOf("\n[", start + 1);
      String body = config.substring(start, end < 0 ? config.length() : end);
      assertTrue(body.contains("env_vars = \"" + Project.ENV_VARS_FILE + "\""), body);
      assertTrue(body.contains("host.docker.internal:host-gateway"), body);
    }
    // A template_file there would make sam deploy package the source template, whose CodeUri is the whole repository.
    assertFalse(config.contains("template_file"), "sam deploy must take .aws-sam/build/template.yaml");
  }
}
