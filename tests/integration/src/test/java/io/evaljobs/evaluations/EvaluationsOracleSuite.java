package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random data, random queries, every way of paging, against an in-memory oracle: same jobs in the same order, exact
 * totals and flags, nothing duplicated, nothing from another organization.
 */
abstract class EvaluationsOracleSuite extends DynamoDbSuite {
  private static final int JOBS = 3_000;
  private static final int QUERIES = 150;
  /** Keeps integer-offset walks short enough for the whole suite to stay well under two minutes. */
  private static final int MAX_PAGES_PER_WALK = 25;

  private List<StoredJob> jobs;
  private ListEvaluationsHandler handler;

  @Override
  protected void writeData() {
    jobs = new RandomJobs(new Random(20240114)).generate(JOBS);
    JobWriter.writeAll(dynamo(), tableName(), jobs);
    handler = newHandler();
  }

  @Test
  void listEvaluations_randomQueries_matchTheInMemoryOracleWhicheverWayPaged() {
    Random random = new Random(42);
    int nonEmpty = 0;
    for (int i = 0; i < QUERIES; i++) {
      String organization =
          random.nextInt(20) == 0 ? "nobody" : RandomJobs.ORGANIZATIONS.get(random.nextInt(RandomJobs.ORGANIZATIONS.size()));
      RandomQuery query = RandomQuery.next(random);
      List<EvaluationJob> expected = ExpectedListing.of(jobs, organization, query.query);
      int floor = Math.max(1, (expected.size() + MAX_PAGES_PER_WALK - 1) / MAX_PAGES_PER_WALK);
      int limit = floor + random.nextInt(101 - floor);
      String label = "query " + i + " org=" + organization + " " + query.parameters + " limit=" + limit;
      walkByIntegerOffsets(organization, query, limit, expected, label);
      JsonNode last = walkForwardByTokens(organization, query, limit, expected, label);
      walkBackByTokens(organization, query, limit, expected, last, label);
      if (!expected.isEmpty()) {
        nonEmpty++;
      }
    }
    assertTrue(nonEmpty > QUERIES / 2, "the random queries must mostly find jobs, found " + nonEmpty);
  }

  private void walkByIntegerOffsets(
      String organization, RandomQuery query, int limit, List<EvaluationJob> expected, String label) {
    for (int offset = 0; ; offset += limit) {
      if (query.query.sortBy() != SortField.CREATED_AT && offset > EvaluationPageReader.MAX_OFFSET_OTHER_ORDERS) {
        // Without counters to skip by, integer offsets stop at the documented bound: the 400 names offset.
        HandlerResponse refused = invoke(organization, query, limit, Optional.of(Integer.toString(offset)));
        assertEquals(400, refused.status(), label + " offset=" + offset);
        assertEquals("offset", refused.parameter(), label);
        return;
      }
      JsonNode body = list(organization, query, limit, Optional.of(Integer.toString(offset)), label);
      assertPage(body, offset, expected, label + " offset=" + offset);
      assertEquals(Math.min(limit, Math.max(0, expected.size() - offset)), body.get("jobs").size(), label);
      assertEquals(offset + limit < expected.size(), body.get("pagination").get("has_next").asBoolean(), label);
      if (offset >= expected.size()) {
        return;
      }
    }
  }

  private JsonNode walkForwardByTokens(
      String organization, RandomQuery query, int limit, List<EvaluationJob> expected, String label) {
    JsonNode body = list(organization, query, limit, Optional.empty(), label);
    int seen = 0;
    for (int pages = 0; ; pages++) {
      assertTrue(pages <= expected.size() + 10, label + ": tokens do not come to an end");
      assertPage(body, seen, expected, label + " token page " + pages);
      seen += body.get("jobs").size();
      JsonNode next = body.get("pagination").get("next_offset");
      assertEquals(seen < expected.size(), !next.isNull(), label + " next_offset at " + seen);
      if (next.isNull()) {
        assertEquals(expected.size(), seen, label);
        return body;
      }
      body = list(organization, query, limit, Optional.of(next.asText()), label);
    }
  }

  private void walkBackByTokens(
      String organization, RandomQuery query, int limit, List<EvaluationJob> expected, JsonNode last, String label) {
    boolean[] covered = new boolean[expected.size()];
    JsonNode body = last;
    long previousOffset = Long.MAX_VALUE;
    for (int pages = 0; ; pages++) {
      assertTrue(pages <= expected.size() + 10, label + ": previous tokens do not come to an end");
      long offset = body.get("pagination").get("offset").asLong();
      assertTrue(offset < previousOffset || pages == 0, label + ": going back must move back");
      assertPage(body, offset, expected, label + " back page " + pages);
      for (int k = 0; k < body.get("jobs").size(); k++) {
        covered[(int) offset + k] = true;
      }
      previousOffset = offset;
      JsonNode previous = body.get("pagination").get("previous_offset");
      assertEquals(offset > 0, !previous.isNull(), label + " previous_offset at " + offset);
      if (previous.isNull()) {
        break;
      }
      body = list(organization, query, limit, Optional.of(previous.asText()), label);
    }
    for (int k = 0; k < covered.length; k++) {
      assertTrue(covered[k], label + ": walking back skipped job " + k);
    }
  }

  /** The page holds exactly the expected jobs at its offset, and its pagination block is exact. */
  private static void assertPage(JsonNode body, long offset, List<EvaluationJob> expected, String label) {
    JsonNode pagination = body.get("pagination");
    assertEquals(offset, pagination.get("offset").asLong(), label);
    assertEquals(expected.size(), pagination.get("total_count").asLong(), label);
    JsonNode page = body.get("jobs");
    int from = (int) Math.min(offset, expected.size());
    assertEquals(HandlerResponse.listed(expected.subList(from, Math.min(from + page.size(), expected.size()))), page,
        label);
    assertEquals(offset + page.size() < expected.size(), pagination.get("has_next").asBoolean(), label);
    assertEquals(offset > 0, pagination.get("has_previous").asBoolean(), label);
  }

  private JsonNode list(String organization, RandomQuery query, int limit, Optional<String> offset, String label) {
    HandlerResponse response = invoke(organization, query, limit, offset);
    assertEquals(200, response.status(), label + ": " + response.body());
    assertNotNull(response.body().get("pagination"), label);
    assertFalse(response.body().get("jobs").isNull(), label);
    return response.body();
  }

  private HandlerResponse invoke(String organization, RandomQuery query, int limit, Optional<String> offset) {
    ProxyEvents event = ProxyEvents.get(organization).params(query.parameters).param("limit", Integer.toString(limit));
    offset.ifPresent(o -> event.param("offset", o));
    return HandlerResponse.invoke(handler, event.json());
  }

  /** A random combination of every filter and sort parameter, with the query it means built independently. */
  static final class RandomQuery {
    final Map<String, String> parameters = new LinkedHashMap<>();
    EvaluationQuery query;

    static RandomQuery next(Random random) {
      RandomQuery out = new RandomQuery();
      Optional<EvaluationStatus> status = Optional.empty();
      if (random.nextInt(3) == 0) {
        status = Optional.of(EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)]);
        out.parameters.put("status", status.get().wireName());
      }
      Optional<String> judge = Optional.empty();
      if (random.nextInt(3) == 0) {
        judge = Optional.of(random.nextInt(10) == 0 ? "no-such-judge" : RandomJobs.JUDGES.get(random.nextInt(RandomJobs.JUDGES.size())));
        out.parameters.put("judge_id", judge.get());
      }
      Optional<Instant> after = random.nextInt(3) == 0 ? Optional.of(randomInstant(random)) : Optional.empty();
      Optional<Instant> before = random.nextInt(3) == 0 ? Optional.of(randomInstant(random)) : Optional.empty();
      if (after.isPresent() && before.isPresent() && after.get().isAfter(before.get())) {
        Optional<Instant> swap = after;
        after = before;
        before = swap;
      }
      after.ifPresent(t -> out.parameters.put("created_after", format(t, random)));
      before.ifPresent(t -> out.parameters.put("created_before", format(t, random)));
      SortField sortBy = SortField.CREATED_AT;
      if (random.nextInt(5) > 0) {
        sortBy = SortField.values()[random.nextInt(SortField.values().length)];
        out.parameters.put("sort_by", sortBy.wireName());
      }
      SortOrder order = SortOrder.DESC;
      if (random.nextInt(4) > 0) {
        order = random.nextBoolean() ? SortOrder.ASC : SortOrder.DESC;
        out.parameters.put("sort_order", order.wireName());
      }
      out.query = new EvaluationQuery(status, judge, after, before, sortBy, order);
      return out;
    }

    /** Mostly inside the data's span, on the hour (where jobs sit) or not; now and then far outside the years. */
    private static Instant randomInstant(Random random) {
      switch (random.nextInt(12)) {
        case 0:
          return Instant.parse("-0100-01-01T00:00:00Z");
        case 1:
          return Instant.parse("+12000-01-01T00:00:00Z");
        default:
          Instant t = RandomJobs.BASE.plusSeconds(3600L * random.nextInt((int) (RandomJobs.SPAN_SECONDS / 3600) + 48) - 86400);
          return random.nextBoolean() ? t : t.plusNanos(random.nextInt(1_000_000_000));
      }
    }

    /** The same instant in UTC or with an offset, as clients may spell it. */
    private static String format(Instant instant, Random random) {
      ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(5, 30);
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
  }
}
