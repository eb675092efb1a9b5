package io.evaljobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.evaljobs.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The contract's response schemas (transcribed from its components), checked against response bodies. */
final class ContractSchemas {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema JOB_LIST = load("/schemas/scoring-job-list.schema.json");
  private static final JsonSchema VALIDATION_ERROR = load("/schemas/http-validation-error.schema.json");

  private ContractSchemas() {}

  /** Asserts the body of a 200 is a ScoringJobResponse array, and of a 422 an HTTPValidationError. */
  static JsonNode assertValid(ApiResponse response) {
    JsonNode body = parse(response.body());
    if (response.statusCode() == 200) {
      assertConforms(JOB_LIST, body);
    } else if (response.statusCode() == 422) {
      assertConforms(VALIDATION_ERROR, body);
    }
    assertEquals("application/json", response.headers().get("Content-Type"));
    return body;
  }

  static void assertConforms(JsonSchema schema, JsonNode body) {
    Set<ValidationMessage> problems = schema.validate(body);
    assertTrue(
        problems.isEmpty(), () -> "body violates " + schema.getSchemaLocation() + ": " + problems + " in " + body);
  }

  static JsonSchema jobList() {
    return JOB_LIST;
  }

  static JsonSchema validationError() {
    return VALIDATION_ERROR;
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema load(String resource) {
    try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
