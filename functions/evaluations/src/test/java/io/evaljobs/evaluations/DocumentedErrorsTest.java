package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.contract.OpenApiDocument;
import io.evaljobs.tables.TemplateDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * evaluations.json names every error the API can answer, with the status it comes with: the function's codes are
 * read from {@link ErrorCode}, which is all {@link EvaluationsErrorDialect} can write, and API Gateway's from template.yaml.
 */
class DocumentedErrorsTest {
  private static final JsonNode RESPONSES = document().at("/paths/~1evaluations/get/responses");
  private static final JsonNode ERROR_ENUM = document().at("/components/schemas/Error/properties/error/enum");
  private static final Pattern ERROR_FIELD = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"");
  /** Statuses API Gateway answers with its DEFAULT_4XX / DEFAULT_5XX templates: unknown path, throttling, ... */
  private static final Map<String, List<Integer>> DEFAULT_STATUSES =
      Map.of("DEFAULT_4XX", List.of(403, 413, 429), "DEFAULT_5XX", List.of(500, 502, 504));

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(OpenApiDocument.EVALUATIONS.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One error the API can answer: the status and the error code. */
  private record Answer(int status, String error) {}

  private static List<Answer> functionAnswers() {
    List<Answer> answers = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      answers.add(new Answer(code.status(), code.wireName()));
    }
    return answers;
  }

  private static List<Answer> gatewayAnswers() {
    Object declared = TemplateDocument.load().properties("EvaluationsApi").get("GatewayResponses");
    List<Answer> answers = new ArrayList<>();
    ((Map<?, ?>) declared).forEach((type, definition) -> {
      Map<?, ?> response = (Map<?, ?>) definition;
      String template = String.valueOf(((Map<?, ?>) response.get("ResponseTemplates")).get("application/json"));
      Matcher error = ERROR_FIELD.matcher(template);
      assertTrue(error.find(), type + " writes no error code: " + template);
      List<Integer> statuses =
          response.containsKey("StatusCode")
              ? List.of(Integer.parseInt(String.valueOf(response.get("StatusCode"))))
              : DEFAULT_STATUSES.get(String.valueOf(type));
      assertTrue(statuses != null, "no status known for gateway response " + type);
      statuses.forEach(status -> answers.add(new Answer(status, error.group(1))));
    });
    return answers;
  }

  /** The error codes the document allows for {@code status}: its own response, else its range's. */
  private static Set<String> documentedFor(int status) {
    JsonNode response = RESPONSES.path(Integer.toString(status));
    if (response.isMissingNode()) {
      response = RESPONSES.path(status / 100 + "XX");
    }
    Set<String> codes = new TreeSet<>();
    response.at("/content/application~1json/schema/allOf/1/properties/error/enum")
        .forEach(code -> codes.add(code.asText()));
    return codes;
  }

  @Test
  void everyErrorTheFunctionWrites_isDocumentedWithItsStatus() {
    for (Answer answer : functionAnswers()) {
      assertTrue(documentedFor(answer.status()).contains(answer.error()),
          answer + " is not documented; the " + answer.status() + " response allows " + documentedFor(answer.status()));
    }
  }

  @Test
  void everyErrorApiGatewayWrites_isDocumentedWithItsStatus() {
    List<Answer> answers = gatewayAnswers();
    assertTrue(answers.size() >= 4, "gateway responses: " + answers);
    for (Answer answer : answers) {
      assertTrue(documentedFor(answer.status()).contains(answer.error()),
          answer + " is not documented; the " + answer.status() + " response allows " + documentedFor(answer.status()));
    }
  }

  @Test
  void errorSchema_listsExactlyTheCodesSomethingAnswers() {
    Set<String> answered = new TreeSet<>();
    functionAnswers().forEach(answer -> answered.add(answer.error()));
    gatewayAnswers().forEach(answer -> answered.add(answer.error()));
    Set<String> documented = new TreeSet<>();
    ERROR_ENUM.forEach(code -> documented.add(code.asText()));

    assertEquals(answered, documented);
  }

  @Test
  void everyDocumentedErrorStatus_isAnsweredWithEveryCodeItAllows() {
    Set<Answer> answered = new HashSet<>(functionAnswers());
    answered.addAll(gatewayAnswers());
    RESPONSES.fieldNames().forEachRemaining(key -> {
      if (key.startsWith("2") || key.endsWith("XX")) {
        return;
      }
      int status = Integer.parseInt(key);
      for (String code : documentedFor(status)) {
        assertTrue(answered.contains(new Answer(status, code)), key + " documents " + code + ", which nothing answers");
      }
    });
  }
}
