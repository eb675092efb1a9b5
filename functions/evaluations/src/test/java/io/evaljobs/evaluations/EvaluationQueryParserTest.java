package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.http.InvalidParameterException.Kind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationQueryParserTest {

  @Test
  void parse_noParameters_appliesContractDefaults() {
    ListEvaluationsRequest request = new EvaluationQueryParser().parse(Map.of());

    assertEquals(EvaluationQuery.DEFAULT, request.query());
    assertEquals(25, request.limit());
    assertEquals(new PageStart.Offset(0), request.start());
  }

  @Test
  void parse_everyParameter_readsEachValue() {
    ListEvaluationsRequest request =
        new EvaluationQueryParser().parse(
            params(
                "status", "failed",
                "judge_id", "gpt#judge",
                "created_after", "2024-01-14T02:00:00+02:00",
                "created_before", "2024-01-15T00:00:00.123456789Z",
                "limit", "100",
                "offset", "10000",
                "sort_by", "progress_percentage",
                "sort_order", "asc"));

    assertEquals(
        new EvaluationQuery(
            Optional.of(EvaluationStatus.FAILED),
            Optional.of("gpt#judge"),
            Optional.of(Instant.parse("2024-01-14T00:00:00Z")),
            Optional.of(Instant.parse("2024-01-15T00:00:00.123456789Z")),
            SortField.PROGRESS_PERCENTAGE,
            SortOrder.ASC),
        request.query());
    assertEquals(100, request.limit());
    assertEquals(new PageStart.Offset(10000), request.start());
  }

  @Test
  void parse_everySortFieldAndStatus_isAccepted() {
    for (SortField field : SortField.values()) {
      assertEquals(field, new EvaluationQueryParser().parse(params("sort_by", field.wireName())).query().sortBy());
    }
    for (EvaluationStatus status : EvaluationStatus.values()) {
      assertEquals(
          Optional.of(status), new EvaluationQueryParser().parse(params("status", status.wireName())).query().status());
    }
  }

  @Test
  void parse_nonIntegerOffset_isATokenToOpenLater() {
    assertEquals(
        new PageStart.Token("AQR0ZXN0abc"), new EvaluationQueryParser().parse(params("offset", "AQR0ZXN0abc")).start());
  }

  @Test
  void parse_equalCreatedBounds_isAcceptedAsEmptyRange() {
    ListEvaluationsRequest request =
        new EvaluationQueryParser().parse(
            params("created_after", "2024-01-14T00:00:00Z", "created_before", "2024-01-14T00:00:00Z"));

    assertEquals(Optional.empty(), request.query().createdRange());
  }

  @Test
  void parse_judgeIdOfWellFormedSurrogatePairsUpTo512Bytes_isAccepted() {
    String judge = "\uD83D\uDE00".repeat(128);

    assertEquals(Optional.of(judge), new EvaluationQueryParser().parse(params("judge_id", judge)).query().judgeId());
    assertKind(Kind.INVALID_VALUE, "judge_id", params("judge_id", judge + "x"));
    assertKind(Kind.INVALID_VALUE, "judge_id", params("judge_id", judge.substring(1)));
  }

  @Test
  void parse_everyDateForm_isTheSameBound() {
    for (String form : List.of(
        "2024-01-14", "2024-01-14T00:00", "2024-01-14T00:00:00", "2024-01-14T00:00:00.000000000", "2024-01-14T00:00:00Z",
        "2024-01-14T00:00:00.0+00:00", "2024-01-14T00:00:00+0000", "2024-01-14T01:00:00+0100")) {
      assertEquals(
          new EvaluationQueryParser().parse(params("created_after", "2024-01-14T00:00:00Z")).query(),
          new EvaluationQueryParser().parse(params("created_after", form)).query(), form);
    }
  }

  @Test
  void parse_errors_carryTheirKind() {
    assertKind(Kind.INVALID_DATETIME, "created_after", params("created_after", "invalid-date"));
    assertKind(Kind.INVALID_VALUE, "status", params("status", "done"));
    assertKind(Kind.INVALID_INTEGER, "limit", params("limit", "x"));
    assertKind(Kind.OUT_OF_RANGE, "limit", params("limit", "0"));
    assertKind(Kind.OUT_OF_RANGE, "offset", params("offset", "1000000001"));
    assertKind(Kind.CONFLICT, "created_after",
        params("created_after", "2024-01-14T00:00:00.000000001Z", "created_before", "2024-01-14T00:00:00Z"));
    assertKind(Kind.UNKNOWN, "page", params("page", "2"));
    assertKind(Kind.REPEATED, "limit", Map.of("limit", List.of("1", "2")));
  }

  private static void assertKind(Kind kind, String parameter, Map<String, List<String>> given) {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> new EvaluationQueryParser().parse(given));
    assertEquals(kind, e.kind());
    assertEquals(parameter, e.parameter());
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], List.of(pairs[i + 1]));
    }
    return out;
  }
}
