package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evaljobs.observability.LogLevel;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.PageRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One organization with 20,000 jobs (skewed statuses and judges, tied and missing sort values, a few busy days) beside
 * a small one, paged every way the contract allows and compared with an in-memory model: every page full unless it
 * is the last, integer offset N at position N, tokens and offsets agreeing, and no request reading past the
 * documented bound. Where a request cannot be answered within the bound, it must be the 400 naming the parameter to
 * change, never a short or wrong page.
 */
class LargeTenantPagingIT extends DynamoDbSuite {
  private static final String BIG = "big-org";
  private static final String SMALL = "small-org";
  private static final int JOBS = 20_000;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final int DAYS = 200;
  private static final List<String> JUDGES = List.of("judge-a", "judge-b", "judge-c", "judge-rare");
  /** What one request may read besides its page: counters (a day or hour each) and the range ends' partial hours. */
  private static final long COUNTING_SLACK = 600;
  private static final int MAX_REQUESTS = 40;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private List<StoredJob> jobs;
  private ListEvaluationsHandler handler;
  private long worstItemsRead;
  private long worstRequests;

  @Override
  protected DynamoDbBackend openBackend() {
    return DynamoDbBackend.embedded();
  }

  @Override
  protected void writeData() {
    jobs = generate(new Random(16));
    JobWriter.writeAll(dynamo(), tableName(), jobs);
    handler =
        new ListEvaluationsHandler(
            dynamo(), tableName(), countsTableName(), TestTokens.current(), EvaluationQueryParser.MAX_LIMIT,
            new RequestLogLine(
                new PrintStream(logged, true, StandardCharsets.UTF_8), LogLevel.INFO, Clock.systemUTC(),
                RequestLogLine.LOCAL_FUNCTION));
  }

  /** 100 jobs a day on most days, 1,500 on every 50th (split by its hours when located); statuses and judges skewed; sort values tied or missing. */
  private static List<StoredJob> generate(Random random) {
    List<StoredJob> out = new ArrayList<>(JOBS + 300);
    int n = 0;
    for (int day = 0; n < JOBS; day = (day + 1) % DAYS) {
      int today = day % 50 == 7 ? 1_500 : 100;
      for (int k = 0; k < today && n < JOBS; k++, n++) {
        Instant created =
            START.plus(day, ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(3) * 500);
        out.add(new StoredJob(BIG, job(random, "j" + n, created)));
      }
    }
    for (int i = 0; i < 300; i++) {
      out.add(new StoredJob(SMALL, job(random, "j" + i, START.plusSeconds(random.nextInt(86_400 * DAYS)))));
    }
    return out;
  }

  private static EvaluationJob job(Random random, String id, Instant created) {
    int pick = random.nextInt(100);
    EvaluationStatus status =
        pick < 70 ? EvaluationStatus.COMPLETED
            : pick < 85 ? EvaluationStatus.FAILED
            : pick < 93 ? EvaluationStatus.PROCESSING
            : pick < 98 ? EvaluationStatus.QUEUED : EvaluationStatus.CANCELLED;
    boolean finished = status == EvaluationStatus.COMPLETED || status == EvaluationStatus.FAILED;
    Optional<Instant> completed =
        finished ? Optional.of(created.plusSeconds(60L * random.nextInt(3 * 24 * 60))) : Optional.empty();
    OptionalLong total = random.nextInt(10) == 0 ? OptionalLong.empty() : OptionalLong.of(100L * random.nextInt(8));
    Optional<Percentage> progress =
        random.nextInt(12) == 0 ? Optional.empty() : Optional.of(Percentage.of(random.nextInt(5) * 25.0));
    int judge = random.nextInt(100);
    Optional<String> judgeId =
        judge < 10 ? Optional.empty() : Optional.of(judge < 99 ? JUDGES.get(judge % 3) : JUDGES.get(3));
    return new EvaluationJob(
        id, status, total, OptionalLong.empty(), OptionalLong.empty(), progress, judgeId, Optional.empty(), created,
        Optional.empty(), completed, Optional.empty(), Optional.empty());
  }

  @Test
  void listEvaluations_deepIntegerOffsetsInCreationOrder_landOnTheirPositionForEveryFilterFamily() {
    List<Map<String, String>> families =
        List.of(
            Map.of(), Map.of("status", "failed"), Map.of("judge_id", "judge-b"),
            Map.of("status", "completed", "judge_id", "judge-a"),
            Map.of("created_after", day(20), "created_before", day(150)),
            Map.of("status", "failed", "created_after", at(day(10), 3_600 * 5 + 17), "created_before", day(120)));
    for (Map<String, String> family : families) {
      for (String order : List.of("desc", "asc")) {
        Map<String, String> parameters = new LinkedHashMap<>(family);
        parameters.put("sort_order", order);
        List<EvaluationJob> expected = expected(BIG, parameters);
        for (long offset : offsets(expected.size())) {
          assertPageAt(parameters, 25, offset, expected);
        }
        // A token from a deep page goes on exactly where the next integer offset would.
        long deep = expected.size() * 3L / 5;
        JsonNode page = list(parameters, 25, Long.toString(deep));
        for (int step = 1; step <= 3 && page.path("pagination").path("has_next").asBoolean(); step++) {
          page = list(parameters, 25, page.path("pagination").path("next_offset").asText());
          assertPage(page, deep + 25L * step, 25, expected, parameters + " token step " + step);
        }
      }
    }
    assertWithinBound();
  }

  @Test
  void listEvaluations_creationRangeSortedByAnotherField_pagesFullAndExactByOffsetsAndTokens() {
    List<Map<String, String>> shapes =
        List.of(
            Map.of("created_after", day(40), "created_before", day(41), "sort_by", "total_items"),
            Map.of("created_after", day(57), "created_before", day(58), "sort_by", "progress_percentage",
                "sort_order", "asc"),
            Map.of("created_after", day(30), "created_before", day(37), "sort_by", "completed_at", "sort_order", "asc"),
            Map.of("created_after", day(30), "created_before", day(37), "sort_by", "completed_at"),
            Map.of("status", "failed", "created_after", day(60), "created_before", day(67),
                "sort_by", "progress_percentage"),
            Map.of("judge_id", "judge-rare", "created_after", day(0), "created_before", day(200),
                "sort_by", "total_items", "sort_order", "asc"),
            Map.of("status", "completed", "created_after", at(day(70), 7_777), "created_before", at(day(73), 99),
                "sort_by", "completed_at"));
    for (Map<String, String> shape : shapes) {
      List<EvaluationJob> expected = expected(BIG, shape);
      assertTrue(expected.size() > 50, shape + " should list a few pages, lists " + expected.size());
      walkByOffsets(shape, 25, expected);
      walkByTokens(shape, 25, expected);
    }
    assertWithinBound();
  }

  @Test
  void listEvaluations_wideRangeSortedByAnotherField_answersExactPagesOrThe400NamingTheRange() {
    List<Map<String, String>> shapes =
        List.of(
            Map.of("created_after", day(0), "created_before", day(180), "sort_by", "progress_percentage"),
            Map.of("created_after", day(20), "created_before", day(120), "sort_by", "total_items", "sort_order", "asc"),
            Map.of("created_after", day(80), "created_before", day(120), "sort_by", "completed_at"));
    int answered = 0;
    for (Map<String, String> shape : shapes) {
      List<EvaluationJob> expected = expected(BIG, shape);
      Optional<String> token = Optional.empty();
      long seen = 0;
      for (int page = 0; page < 12; page++) {
        Optional<JsonNode> body = listOrBound(shape, 25, token, "created_after");
        if (body.isEmpty()) {
          break;
        }
        answered++;
        assertPage(body.get(), seen, 25, expected, shape + " token page " + page);
        seen += body.get().path("jobs").size();
        JsonNode next = body.get().path("pagination").path("next_offset");
        if (next.isNull()) {
          break;
        }
        token = Optional.of(next.asText());
      }
      for (long offset : List.of(0L, 25L, 300L, EvaluationPageReader.MAX_OFFSET_OTHER_ORDERS)) {
        Optional<JsonNode> body = listOrBound(shape, 25, Optional.of(Long.toString(offset)), "offset", "created_after");
        body.ifPresent(b -> assertPage(b, offset, 25, expected, shape + " offset " + offset));
      }
      HandlerResponse beyond = invoke(shape, 25, Optional.of(Long.toString(EvaluationPageReader.MAX_OFFSET_OTHER_ORDERS + 1)));
      assertEquals(400, beyond.status(), shape + ": " + beyond.body());
      assertTrue(List.of("offset", "created_after").contains(beyond.parameter()), beyond.body().toString());
    }
    assertTrue(answered > 0, "a uniformly spread wide range is listed within the bound");
    assertWithinBound();
  }

  @Test
  void listEvaluations_anotherOrderWithoutARange_servesOffsetsUpToItsBoundAndNamesOffsetBeyond() {
    for (String sortBy : List.of("total_items", "completed_at")) {
      Map<String, String> shape = Map.of("sort_by", sortBy, "sort_order", "asc", "status", "failed");
      List<EvaluationJob> expected = expected(BIG, shape);
      for (long offset : List.of(0L, 1L, 999L, 1_001L, EvaluationPageReader.MAX_OFFSET_OTHER_ORDERS)) {
        assertPageAt(shape, 100, offset, expected);
      }
      HandlerResponse beyond =
          invoke(shape, 100, Optional.of(Long.toString(EvaluationPageReader.MAX_OFFSET_OTHER_ORDERS + 1)));
      assertEquals(400, beyond.status());
      assertEquals("offset", beyond.parameter());
      assertTrue(beyond.message().contains("next_offset"), beyond.message());
    }
    assertWithinBound();
  }

  @Test
  void listEvaluations_smallTenantBesideALargeOne_seesOnlyItsOwnJobsAtEveryDepth() {
    Map<String, String> shape = Map.of("sort_order", "asc");
    List<EvaluationJob> expected = expected(SMALL, shape);
    assertEquals(300, expected.size());
    for (long offset : List.of(0L, 150L, 299L, 300L, 5_000L)) {
      HandlerResponse response = invokeAs(SMALL, shape, 25, Optional.of(Long.toString(offset)));
      assertEquals(200, response.status());
      assertPage(response.body(), offset, 25, expected, "small org offset " + offset);
    }
  }

  @Test
  void listEvaluations_newestHoursCountedFromTheTable_deepOffsetsLandOnTheSamePositions() {
    Instant newest = jobs.stream().filter(j -> j.organization().equals(BIG)).map(j -> j.job().createdAt())
        .max(Instant::compareTo).orElseThrow();
    // As if it were shortly after the newest job: its hours' counters may still trail, so they are counted in the index.
    Clock justAfter = Clock.fixed(newest.plusSeconds(1_800), ZoneOffset.UTC);
    EvaluationPageReader reader =
        new EvaluationPageReader(dynamo(), tableName(), countsTableName(), TestTokens.current(), justAfter);
    for (String order : List.of("desc", "asc")) {
      Map<String, String> shape = Map.of("sort_order", order);
      List<EvaluationJob> expected = expected(BIG, shape);
      for (long offset : List.of(1_001L, 1_500L, 9_999L, expected.size() - 30L)) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("sort_order", List.of(order));
        given.put("offset", List.of(Long.toString(offset)));
        PageRead<EvaluationJob> read = reader.read(BIG, new EvaluationQueryParser(100).parse(given));
        List<String> ids = read.page().items().stream().map(EvaluationJob::jobId).toList();
        List<String> wanted = expected.subList((int) offset, (int) Math.min(offset + 25, expected.size())).stream()
            .map(EvaluationJob::jobId).toList();
        assertEquals(wanted, ids, order + " offset " + offset);
        assertEquals(offset, read.page().position());
      }
    }
  }

  private void walkByOffsets(Map<String, String> shape, int limit, List<EvaluationJob> expected) {
    for (long offset = 0; ; offset += limit) {
      assertPageAt(shape, limit, offset, expected);
      if (offset >= expected.size()) {
        return;
      }
    }
  }

  private void walkByTokens(Map<String, String> shape, int limit, List<EvaluationJob> expected) {
    JsonNode page = list(shape, limit, "0");
    long seen = 0;
    for (int pages = 0; ; pages++) {
      assertTrue(pages <= expected.size() / limit + 1, shape + ": tokens take more pages than the listing has");
      assertPage(page, seen, limit, expected, shape + " token page " + pages);
      seen += page.path("jobs").size();
      JsonNode next = page.path("pagination").path("next_offset");
      if (next.isNull()) {
        assertEquals(expected.size(), seen, shape.toString());
        break;
      }
      page = list(shape, limit, next.asText());
    }
    // And back from the end, page by page, to the first.
    for (int pages = 0; page.path("pagination").path("has_previous").asBoolean(); pages++) {
      assertTrue(pages <= expected.size() / limit + 1, shape + ": previous tokens do not come to an end");
      long offset = page.path("pagination").path("offset").asLong();
      page = list(shape, limit, page.path("pagination").path("previous_offset").asText());
      long back = page.path("pagination").path("offset").asLong();
      assertEquals(Math.max(0, offset - limit), back, shape + " back from " + offset);
      assertPage(page, back, limit, expected, shape + " back page " + pages);
    }
  }

  private void assertPageAt(Map<String, String> shape, int limit, long offset, List<EvaluationJob> expected) {
    assertPage(list(shape, limit, Long.toString(offset)), offset, limit, expected, shape + " offset " + offset);
  }

  /** The page holds exactly the model's jobs at its offset: full unless it is the last, flags exact. */
  private static void assertPage(JsonNode body, long offset, int limit, List<EvaluationJob> expected, String label) {
    JsonNode pagination = body.path("pagination");
    assertEquals(offset, pagination.path("offset").asLong(), label);
    assertEquals(expected.size(), pagination.path("total_count").asLong(), label);
    List<String> actual = new ArrayList<>();
    body.path("jobs").forEach(job -> actual.add(job.path("job_id").asText()));
    int from = (int) Math.min(offset, expected.size());
    int to = (int) Math.min(offset + limit, expected.size());
    List<String> wanted = new ArrayList<>();
    expected.subList(from, to).forEach(job -> wanted.add(job.jobId()));
    assertEquals(wanted, actual, label);
    assertEquals(to < expected.size(), pagination.path("has_next").asBoolean(), label);
    assertEquals(offset > 0, pagination.path("has_previous").asBoolean(), label);
  }

  private JsonNode list(Map<String, String> shape, int limit, String offset) {
    HandlerResponse response = invoke(shape, limit, Optional.of(offset));
    assertEquals(200, response.status(), shape + " offset " + offset + ": " + response.body());
    return response.body();
  }

  /** The page, or empty when the API answered the 400 naming one of {@code parameters} as beyond its bound. */
  private Optional<JsonNode> listOrBound(
      Map<String, String> shape, int limit, Optional<String> offset, String... parameters) {
    HandlerResponse response = invoke(shape, limit, offset);
    if (response.status() == 400) {
      assertTrue(List.of(parameters).contains(response.parameter()), shape + ": " + response.body());
      assertFalse(response.message().isEmpty());
      return Optional.empty();
    }
    assertEquals(200, response.status(), shape + ": " + response.body());
    return Optional.of(response.body());
  }

  private HandlerResponse invoke(Map<String, String> shape, int limit, Optional<String> offset) {
    return invokeAs(BIG, shape, limit, offset);
  }

  private HandlerResponse invokeAs(String organization, Map<String, String> shape, int limit, Optional<String> offset) {
    ProxyEvents event = ProxyEvents.get(organization).params(shape).param("limit", Integer.toString(limit));
    offset.ifPresent(o -> event.param("offset", o));
    logged.reset();
    HandlerResponse response = HandlerResponse.invoke(handler, event.json());
    recordCost(organization + " " + shape + " offset=" + offset.orElse("-"));
    return response;
  }

  /** The request's own log line says what it read; the worst is checked against the bound. */
  private void recordCost(String label) {
    try {
      JsonNode line = MAPPER.readTree(logged.toString(StandardCharsets.UTF_8).trim());
      long items = line.path("ItemsRead").asLong();
      long requests = line.path("DynamoDbRequests").asLong();
      assertTrue(
          items <= EvaluationPageReader.BUDGET.maxItemsExamined() + COUNTING_SLACK,
          label + " read " + items + " items");
      assertTrue(requests <= MAX_REQUESTS, label + " made " + requests + " requests");
      worstItemsRead = Math.max(worstItemsRead, items);
      worstRequests = Math.max(worstRequests, requests);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertWithinBound() {
    assertTrue(worstItemsRead > 0, "the requests were measured");
    System.out.println("large tenant: worst request read " + worstItemsRead + " items in " + worstRequests + " requests");
  }

  private List<EvaluationJob> expected(String organization, Map<String, String> shape) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    shape.forEach((name, value) -> given.put(name, List.of(value)));
    EvaluationQuery query = new EvaluationQueryParser(100).parse(given).query();
    return ExpectedListing.of(jobs, organization, query);
  }

  private static List<Long> offsets(int size) {
    return List.of(0L, 1L, 24L, 999L, 1_000L, 1_001L, 2_500L, size / 2L, size - 25L, size - 1L, (long) size,
        size + 1_000L);
  }

  private static String day(int n) {
    return START.plus(n, ChronoUnit.DAYS).toString();
  }

  private static String at(String instant, long seconds) {
    return Instant.parse(instant).plusSeconds(seconds).toString();
  }
}
