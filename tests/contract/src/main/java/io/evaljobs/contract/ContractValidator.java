package io.evaljobs.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks an HTTP response of one API operation against its OpenAPI document: a documented status, the declared
 * headers (required ones present, every present one matching its schema), the Content-Type and the body's schema
 * (JSON Schema 2020-12 with format assertions). Thread-safe.
 */
public final class ContractValidator {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final int BODY_EXCERPT_CHARS = 2_000;

  private static final ContractValidator EVALUATIONS =
      new ContractValidator(OpenApiDocument.EVALUATIONS, "/evaluations", "get");
  private static final ContractValidator SCORING_JOBS =
      new ContractValidator(OpenApiDocument.SCORING_JOBS, "/v2/confidence-scoring/jobs", "get");

  private final OpenApiDocument document;
  private final JsonNode tree;
  private final String operation;
  private final String operationPointer;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private ContractValidator(OpenApiDocument document, String path, String method) {
    this.document = document;
    this.tree = parseDocument(document);
    this.operation = method.toUpperCase(Locale.ROOT) + " " + path;
    this.operationPointer = JsonPointers.child(JsonPointers.child("/paths", path), method);
    if (tree.at(operationPointer).isMissingNode()) {
      throw new IllegalStateException(document.fileName() + " does not define " + operation);
    }
  }

  /** GET /evaluations, against {@code evaluations.json}. */
  public static ContractValidator evaluations() {
    return EVALUATIONS;
  }

  /** GET /v2/confidence-scoring/jobs, against {@code scoring-jobs.json}. */
  public static ContractValidator scoringJobs() {
    return SCORING_JOBS;
  }

  /**
   * Throws {@link AssertionError} listing every violation when the response does not conform. Header names are
   * matched case-insensitively; {@code body} may be empty only for a response documented without content.
   */
  public void assertValid(int status, Map<String, String> headers, String body) {
    List<String> problems = violations(status, headers, body);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "response " + status + " of " + operation + " violates " + document.fileName() + ":\n  "
              + String.join("\n  ", problems) + "\nheaders: " + headers + "\nbody: " + excerpt(body));
    }
  }

  /** Every way the response departs from the document; empty when it conforms. */
  List<String> violations(int status, Map<String, String> headers, String body) {
    Optional<ResponseSpec> found = ResponseSpec.find(tree, operationPointer, status);
    if (found.isEmpty()) {
      return List.of("status " + status + " is not documented");
    }
    ResponseSpec response = found.get();
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    List<String> problems = new ArrayList<>();
    for (ResponseSpec.HeaderSpec header : response.headers()) {
      String value = byName.get(header.name());
      if (value == null) {
        if (header.required()) {
          problems.add("required header " + header.name() + " is missing");
        }
        continue;
      }
      for (ValidationMessage message : schema(header.schemaPointer()).validate(TextNode.valueOf(value))) {
        problems.add("header " + header.name() + ": " + message.getMessage());
      }
    }
    if (response.mediaType().isPresent()) {
      problems.addAll(bodyViolations(response, byName.get("Content-Type"), body));
    }
    return problems;
  }

  private List<String> bodyViolations(ResponseSpec response, String contentType, String body) {
    String mediaType = response.mediaType().orElseThrow();
    List<String> problems = new ArrayList<>();
    if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase(mediaType)) {
      problems.add("Content-Type is " + contentType + ", documented " + mediaType);
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      problems.add("body is not one JSON value: " + e.getOriginalMessage());
      return problems;
    }
    if (json == null || json.isMissingNode()) {
      problems.add("body is empty");
      return problems;
    }
    Set<ValidationMessage> messages = schema(response.schemaPointer().orElseThrow()).validate(json);
    problems.addAll(messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList()));
    return problems;
  }

  private JsonSchema schema(String pointer) {
    return schemas.computeIfAbsent(pointer, p -> {
      JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(document.schemaLocation() + "#" + p), CONFIG);
      // Resolve every reference now, so a broken document fails here and not in the middle of some test.
      schema.initializeValidators();
      return schema;
    });
  }

  private static JsonNode parseDocument(OpenApiDocument document) {
    try {
      return MAPPER.readTree(document.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + document.fileName(), e);
    }
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "(none)";
    }
    return body.length() <= BODY_EXCERPT_CHARS ? body : body.substring(0, BODY_EXCERPT_CHARS) + "...";
  }
}
