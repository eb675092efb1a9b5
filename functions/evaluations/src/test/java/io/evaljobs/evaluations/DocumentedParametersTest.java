package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.OpenApiDocument;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.paging.Cursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The query parameters evaluations.json documents are exactly the ones the handler accepts, with the same values. */
class DocumentedParametersTest {
  private static final JsonNode DOCUMENT = document();
  private static final JsonNode PARAMETERS = DOCUMENT.at("/paths/~1evaluations/get/parameters");

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(OpenApiDocument.EVALUATIONS.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schema(String name) {
    for (JsonNode parameter : PARAMETERS) {
      if (parameter.path("name").asText().equals(name)) {
        JsonNode schema = parameter.path("schema");
        return schema.has("$ref") ? DOCUMENT.at(schema.get("$ref").asText().substring(1)) : schema;
      }
    }
    throw new AssertionError(name + " is not documented");
  }

  private static List<String> enumValues(String name) {
    List<String> values = new ArrayList<>();
    schema(name).path("enum").forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> allowed(String joined) {
    return Arrays.asList(joined.split(", "));
  }

  @Test
  void documentedNames_areExactlyTheAcceptedNames() {
    Set<String> documented = new LinkedHashSet<>();
    PARAMETERS.forEach(parameter -> documented.add(parameter.path("name").asText()));
    InvalidParameterException unknown =
        assertThrows(InvalidParameterException.class,
            () -> new EvaluationQueryParser().parse(Map.of("organization", List.of("other"))));
    String accepted = unknown.getMessage().substring(unknown.getMessage().indexOf("allowed: ") + "allowed: ".length());
    assertEquals(documented, new LinkedHashSet<>(allowed(accepted)));
  }

  @Test
  void documentedEnums_areTheAcceptedValues() {
    assertEquals(allowed(EvaluationStatus.ALLOWED), enumValues("status"));
    assertEquals(allowed(SortField.ALLOWED), enumValues("sort_by"));
    assertEquals(allowed(SortOrder.ALLOWED), enumValues("sort_order"));
    for (String status : enumValues("status")) {
      new EvaluationQueryParser().parse(Map.of("status", List.of(status)));
    }
  }

  @Test
  void documentedLimitAndDefaults_matchTheParser() {
    JsonNode limit = schema("limit");
    assertEquals(1, limit.path("minimum").asInt());
    assertEquals(EvaluationQueryParser.MAX_LIMIT, limit.path("maximum").asInt());
    assertEquals(EvaluationQueryParser.DEFAULT_LIMIT, limit.path("default").asInt());
    assertEquals(EvaluationQueryParser.DEFAULT_LIMIT, new EvaluationQueryParser().parse(Map.of()).limit());
    assertEquals(SortField.CREATED_AT.wireName(), schema("sort_by").path("default").asText());
    assertEquals(SortOrder.DESC.wireName(), schema("sort_order").path("default").asText());
    assertEquals(0, schema("offset").path("default").asInt());
    assertTrue(schema("offset").path("default").isInt());
  }

  @Test
  void documentedOffset_isAnIntegerInTheParsersRangeOrAToken() {
    JsonNode integer = schema("offset").at("/oneOf/0");
    JsonNode token = schema("offset").at("/oneOf/1");
    assertEquals("integer", integer.path("type").asText());
    assertEquals(0, integer.path("minimum").asLong());
    assertEquals(EvaluationQueryParser.MAX_INTEGER_OFFSET, integer.path("maximum").asLong());
    assertEquals("string", token.path("type").asText());
    Pattern pattern = Pattern.compile(token.path("pattern").asText());
    String issued = TestTokens.current().encode(Cursor.atOffset(25), "acme", EvaluationQuery.DEFAULT.canonical());
    assertTrue(pattern.matcher(issued).find(), issued);
    for (String integerText : List.of("0", "25", "-1", "10001")) {
      assertFalse(pattern.matcher(integerText).find(), integerText);
    }
    assertFalse(pattern.matcher("a.b").find());
  }
}
