package io.evaljobs.sam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.tables.TemplateDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The repository's files the SAM loop reads: template.yaml, the Makefile, sam-local-env.json, events/. */
final class Project {
  static final String ENV_VARS_FILE = "sam-local-env.json";

  private Project() {}

  static Path root() {
    return Path.of(System.getProperty(TemplateDocument.TEMPLATE_PROPERTY, "../../template.yaml"))
        .toAbsolutePath()
        .getParent();
  }

  static Path events() {
    return Path.of(System.getProperty("evaljobs.events", root().resolve("events").toString()));
  }

  static TemplateDocument template() {
    return TemplateDocument.load(root().resolve("template.yaml"));
  }

  /** sam-local-env.json: variables by function logical id. */
  static Map<String, Map<String, String>> envVarsFile() {
    try {
      return new ObjectMapper()
          .readValue(root().resolve(ENV_VARS_FILE).toFile(), new TypeReference<Map<String, Map<String, String>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
