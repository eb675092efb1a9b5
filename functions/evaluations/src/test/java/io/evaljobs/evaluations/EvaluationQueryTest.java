package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationQueryTest {

  @Test
  void canonical_ignoresLimitAndOffset() {
    String first = new EvaluationQueryParser().parse(Map.of("status", List.of("queued"))).query().canonical();
    String other =
        new EvaluationQueryParser().parse(
            Map.of("status", List.of("queued"), "limit", List.of("7"), "offset", List.of("42"))).query().canonical();

    assertEquals(first, other);
  }

  @Test
  void canonical_sameInstantSpelledWithOffset_isEqual() {
    String utc = new EvaluationQueryParser().parse(Map.of("created_after", List.of("2024-01-14T00:00:00Z"))).query().canonical();
    String offset =
        new EvaluationQueryParser().parse(Map.of("created_after", List.of("2024-01-14T02:00:00.000+02:00"))).query().canonical();

    assertEquals(utc, offset);
  }

  @Test
  void canonical_appliedDefaults_equalExplicitDefaults() {
    String implicit = new EvaluationQueryParser().parse(Map.of()).query().canonical();
    String explicit =
        new EvaluationQueryParser().parse(Map.of("sort_by", List.of("created_at"), "sort_order", List.of("desc")))
            .query().canonical();

    assertEquals(implicit, explicit);
  }

  @Test
  void canonical_differentQueries_neverCollide() {
    // Judge ids that look like the encoding itself must not let two queries read alike.
    List<String> judges = List.of("a", "a;", "1:a", "a;sort_by=4:x", "", "judge_id=1:a;");
    Random random = new Random(7);
    Map<String, EvaluationQuery> seen = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      EvaluationQuery query = randomQuery(random, judges);
      EvaluationQuery previous = seen.putIfAbsent(query.canonical(), query);
      if (previous != null) {
        assertEquals(previous, query, "two different queries share the canonical form " + query.canonical());
      }
    }
    assertNotEquals(1, seen.size());
  }

  private static EvaluationQuery randomQuery(Random random, List<String> judges) {
    Optional<Instant> after =
        random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(random.nextInt(3), random.nextInt(2))) : Optional.empty();
    Optional<Instant> before =
        random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(random.nextInt(3), random.nextInt(2))) : Optional.empty();
    return new EvaluationQuery(
        random.nextBoolean()
            ? Optional.of(EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)])
            : Optional.empty(),
        random.nextBoolean() ? Optional.of(judges.get(random.nextInt(judges.size()))) : Optional.empty(),
        after,
        before,
        SortField.values()[random.nextInt(SortField.values().length)],
        SortOrder.values()[random.nextInt(2)]);
  }
}
