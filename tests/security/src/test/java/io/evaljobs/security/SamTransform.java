package io.evaljobs.security;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.tables.TemplateDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * template.yaml after the SAM transform, made by the SAM translator (python3, samtranslator) on this machine: the
 * resources CloudFormation creates, including the roles and policies SAM adds. Without python3 or samtranslator the
 * calling test is skipped, unless {@value #REQUIRED} is set (CI sets it), which makes the absence a failure.
 */
final class SamTransform {
  static final String REQUIRED = "EVALJOBS_REQUIRE_SAM_TRANSFORM";

  private static JsonNode transformed;

  private SamTransform() {}

  static synchronized JsonNode ofTemplate() throws IOException, InterruptedException {
    if (transformed == null) {
      transformed = run(templatePath());
    }
    return transformed;
  }

  private static Path templatePath() {
    return Optional.ofNullable(System.getProperty(TemplateDocument.TEMPLATE_PROPERTY))
        .map(Path::of)
        .orElse(Path.of("template.yaml"));
  }

  private static JsonNode run(Path template) throws IOException, InterruptedException {
    boolean required = System.getenv(REQUIRED) != null && !System.getenv(REQUIRED).isBlank();
    Path script = Files.createTempFile("sam_transform", ".py");
    Path output = Files.createTempFile("sam_transform", ".json");
    Path errors = Files.createTempFile("sam_transform", ".err");
    try (InputStream bundled = SamTransform.class.getResourceAsStream("sam_transform.py")) {
      Files.write(script, bundled.readAllBytes());
      Process process;
      try {
        process = new ProcessBuilder(List.of("python3", script.toString(), template.toString()))
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
      } catch (IOException e) {
        if (required) {
          throw new AssertionError("python3 is required to check the transformed template", e);
        }
        assumeTrue(false, "python3 is not installed: the template after the SAM transform is not checked");
        throw e;
      }
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the SAM transform did not finish");
      }
      String stderr = Files.readString(errors, StandardCharsets.UTF_8);
      if (process.exitValue() != 0 && stderr.contains("No module named 'samtranslator'") && !required) {
        assumeTrue(false, "samtranslator (aws-sam-translator) is not installed: the transformed template is not checked");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("the SAM transform of " + template + " failed:\n" + stderr);
      }
      return ProxyResponse.MAPPER.readTree(output.toFile());
    } finally {
      Files.deleteIfExists(script);
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }
}
