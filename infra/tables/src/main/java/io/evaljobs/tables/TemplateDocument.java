package io.evaljobs.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml, parsed. CloudFormation's short-form intrinsic functions ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}...) are read as their long form ({@code {"Ref": ...}}), so any part of the template can be read.
 */
public final class TemplateDocument {
  /** System property naming the template file; the project's build sets it for tests. */
  public static final String TEMPLATE_PROPERTY = "evaljobs.template";

  private static final String BUNDLED = "/io/evaljobs/tables/template.yaml";

  private final String source;
  private final Map<String, Object> root;

  private TemplateDocument(String source, Map<String, Object> root) {
    this.source = source;
    this.root = root;
  }

  /**
   * The template named by {@value #TEMPLATE_PROPERTY}, else ./template.yaml, else the copy bundled in this jar at
   * build time.
   */
  public static TemplateDocument load() {
    Optional<Path> file =
        Optional.ofNullable(System.getProperty(TEMPLATE_PROPERTY))
            .map(Path::of)
            .or(() -> Optional.of(Path.of("template.yaml")).filter(Files::isRegularFile));
    if (file.isPresent()) {
      return load(file.get());
    }
    try (InputStream bundled = TemplateDocument.class.getResourceAsStream(BUNDLED)) {
      if (bundled == null) {
        throw new IllegalStateException("no template.yaml found and none bundled");
      }
      return parse("bundled template.yaml", new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TemplateDocument load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static TemplateDocument parse(String source, String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    Yaml parser = new Yaml(new IntrinsicFunctionConstructor(options));
    Object root;
    try (Reader reader = new StringReader(yaml)) {
      root = parser.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException(source + " is not a CloudFormation template");
    }
    return new TemplateDocument(source, asMap(root, source));
  }

  public String source() {
    return source;
  }

  /** The template's Resources section, by logical id. */
  public Map<String, Object> resources() {
    return asMap(root.getOrDefault("Resources", Map.of()), "Resources");
  }

  /** A top-level section (Parameters, Conditions, Globals, Outputs...), or an empty map when absent. */
  public Map<String, Object> section(String name) {
    return asMap(root.getOrDefault(name, Map.of()), name);
  }

  /** The Properties of a resource, or an empty map. */
  public Map<String, Object> properties(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException(source + " has no resource " + logicalId);
    }
    return asMap(asMap(resource, logicalId).getOrDefault("Properties", Map.of()), logicalId + ".Properties");
  }

  /** The resource's Type, e.g. AWS::DynamoDB::Table. */
  public String type(String logicalId) {
    return String.valueOf(asMap(resources().get(logicalId), logicalId).get("Type"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(where + " is not a mapping");
    }
    return (Map<String, Object>) value;
  }

  /** Reads {@code !Name value} as {@code {"Fn::Name": value}} ({@code !Ref} as {@code {"Ref": value}}). */
  private static final class IntrinsicFunctionConstructor extends SafeConstructor {
    IntrinsicFunctionConstructor(LoaderOptions options) {
      super(options);
      this.yamlMultiConstructors.put("!", new IntrinsicFunction());
    }

    private final class IntrinsicFunction extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String name = node.getTag().getValue().substring(1);
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> function = new LinkedHashMap<>();
        function.put(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
        return function;
      }
    }
  }
}
