package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GET /evaluations end to end: proxy event in, proxy response out, over real DynamoDB queries. */
abstract class ListEvaluationsHandlerSuite extends DynamoDbSuite {
  private static final Instant T0 = Instant.parse("2024-01-14T00:00:00Z");
  private static final List<String> JOB_FIELDS =
      List.of("job_id", "status", "total_items", "processed_items", "failed_items", "progress_percentage", "judge_id",
          "judge_name", "created_at", "started_at", "completed_at", "estimated_completion_time", "priority");
  private static final List<String> PAGINATION_FIELDS =
      List.of("total_count", "limit", "offset", "has_next", "has_previous", "next_offset", "previous_offset");
  /** Enough jobs in one partition that a selective filter exhausts a page's read budget. */
  private static final int WIDE_JOBS = 2_600;

  /** Numbers as written to DynamoDB, and the JSON literal each must come back as: DynamoDB's canonical text. */
  private static final List<String> STORED_PROGRESS = List.of("40", "40.0", "12.50", "1E+1", "0.000001", "0", "100.00");
  private static final List<String> LISTED_PROGRESS = List.of("40", "40", "12.5", "10", "0.000001", "0", "100");

  private ListEvaluationsHandler handler;

  @Override
  protected void writeData() {
    List<EvaluationJob> acme = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      acme.add(job("job-" + (100 + i), T0.plusSeconds(60L * i), i % 3 == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(7200 - 60L * i)),
          i % 4 == 0 ? Optional.empty() : Optional.of(Percentage.of(i % 5 * 20.0)), i % 2 == 0 ? "judge-a" : "judge#b",
          i % 3 == 0 ? EvaluationStatus.PROCESSING : EvaluationStatus.COMPLETED));
    }
    JobWriter.write(dynamo(), tableName(), "acme", acme);
    // Another tenant with the same job ids and judges: none of it may ever show for acme.
    List<EvaluationJob> other = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      other.add(job("job-" + (100 + i), T0.plusSeconds(60L * i + 1), Optional.empty(), Optional.of(Percentage.of(1)),
          "judge-a", EvaluationStatus.COMPLETED));
    }
    JobWriter.write(dynamo(), tableName(), "acme#judge-a", other);
    List<EvaluationJob> wide = new ArrayList<>();
    for (int i = 0; i < WIDE_JOBS; i++) {
      wide.add(job(String.format("w-%05d", i), T0.plusSeconds(i), Optional.empty(), Optional.of(Percentage.of(i % 100)),
          "judge-a", EvaluationStatus.QUEUED));
    }
    JobWriter.write(dynamo(), tableName(), "wide", wide);
    // Progress numbers as an import or an older writer may have handed them to DynamoDB.
    for (int i = 0; i < STORED_PROGRESS.size(); i++) {
      Map<String, AttributeValue> item = new HashMap<>(EvaluationTable.toItem("numbers",
          job("n-" + i, T0.plusSeconds(i), Optional.empty(), Optional.of(new Percentage(STORED_PROGRESS.get(i))), "judge-a",
              EvaluationStatus.PROCESSING)));
      item.put("progress_percentage", AttributeValue.fromN(STORED_PROGRESS.get(i)));
      dynamo().putItem(b -> b.tableName(tableName()).item(item));
    }
    handler = newHandler();
  }

  @Test
  void listEvaluations_defaults_returnContractShapeNewestFirst() {
    HandlerResponse response = get(ProxyEvents.get("acme"));

    assertEquals(200, response.status(), response.body().toString());
    assertEquals("application/json", response.headers().path("Content-Type").asText());
    JsonNode jobs = response.body().get("jobs");
    assertEquals(25, jobs.size());
    assertEquals(List.of("jobs", "pagination"), names(response.body()));
    jobs.forEach(job -> assertEquals(JOB_FIELDS, names(job)));
    assertEquals("job-129", jobs.get(0).get("job_id").asText());
    assertEquals("2024-01-14T00:29:00Z", jobs.get(0).get("created_at").asText());
    JsonNode pagination = response.body().get("pagination");
    assertEquals(PAGINATION_FIELDS, names(pagination));
    assertEquals(30, pagination.get("total_count").asLong());
    assertEquals(25, pagination.get("limit").asInt());
    assertEquals(0, pagination.get("offset").asLong());
    assertTrue(pagination.get("has_next").asBoolean());
    assertFalse(pagination.get("has_previous").asBoolean());
    assertTrue(pagination.get("next_offset").isTextual());
    assertTrue(pagination.get("previous_offset").isNull());
  }

  @Test
  void listEvaluations_nextToken_continuesWithIntegerOffsetInResponse() {
    JsonNode first = get(ProxyEvents.get("acme").param("limit", "20")).body();
    HandlerResponse second =
        get(ProxyEvents.get("acme").param("limit", "20").param("offset", first.get("pagination").get("next_offset").asText()));

    assertEquals(200, second.status());
    assertEquals(20, second.body().get("pagination").get("offset").asLong());
    assertEquals(10, second.body().get("jobs").size());
    assertEquals("job-109", second.body().get("jobs").get(0).get("job_id").asText());
    assertFalse(second.body().get("pagination").get("has_next").asBoolean());
    assertTrue(second.body().get("pagination").get("next_offset").isNull());
    assertTrue(second.body().get("pagination").get("has_previous").asBoolean());
  }

  @Test
  void listEvaluations_tokenOfAnotherTenant_isRefused() {
    JsonNode first = get(ProxyEvents.get("acme").param("limit", "5")).body();
    HandlerResponse replay =
        get(ProxyEvents.get("acme#judge-a").param("limit", "5").param("offset", first.get("pagination").get("next_offset").asText()));

    assertEquals(400, replay.status());
    assertEquals("invalid_page_token", replay.error());
  }

  @Test
  void listEvaluations_sameJobIdsInOtherTenant_neverLeak() {
    for (String judge : List.of("judge-a", "judge#b")) {
      JsonNode body = get(ProxyEvents.get("acme").param("judge_id", judge).param("limit", "100")).body();
      assertEquals(15, body.get("jobs").size());
      body.get("jobs").forEach(job -> {
        assertEquals(0, Instant.parse(job.get("created_at").asText()).getEpochSecond() % 60, "a job of the other tenant");
        assertEquals(judge, job.get("judge_id").asText());
      });
    }
  }

  @Test
  void listEvaluations_createdBounds_areStrict() {
    JsonNode body =
        get(ProxyEvents.get("acme")
                .param("created_after", "2024-01-14T00:05:00Z")
                .param("created_before", "2024-01-14T02:10:00+02:00")
                .param("sort_order", "asc"))
            .body();

    assertEquals(4, body.get("pagination").get("total_count").asLong());
    assertEquals(List.of("job-106", "job-107", "job-108", "job-109"), ids(body));
  }

  @Test
  void listEvaluations_storedProgress_comesBackAsDynamoDbKeepsTheNumber() {
    String body = getRaw(ProxyEvents.get("numbers").param("sort_order", "asc"));

    for (int i = 0; i < STORED_PROGRESS.size(); i++) {
      String job = body.substring(body.indexOf("\"job_id\":\"n-" + i + "\""));
      String progress = job.substring(job.indexOf("\"progress_percentage\":") + "\"progress_percentage\":".length());
      assertEquals(LISTED_PROGRESS.get(i), progress.substring(0, progress.indexOf(',')), STORED_PROGRESS.get(i));
    }
    assertTrue(body.contains("\"total_items\":100,\"processed_items\":50,\"failed_items\":0,"), body);
  }

  @Test
  void listEvaluations_storedProgress_sortsByValue() {
    JsonNode body = get(ProxyEvents.get("numbers").param("sort_by", "progress_percentage").param("sort_order", "asc"))
        .body();

    assertEquals(List.of("n-5", "n-4", "n-3", "n-2", "n-0", "n-1", "n-6"), ids(body).subList(0, 7));
  }

  @Test
  void listEvaluations_createdBoundsInEveryIsoForm_listTheSameJobs() {
    List<String> expected =
        ids(get(ProxyEvents.get("acme").param("created_after", "2024-01-14T00:05:00Z")
            .param("created_before", "2024-01-14T00:10:00Z").param("sort_order", "asc")).body());
    assertEquals(List.of("job-106", "job-107", "job-108", "job-109"), expected);
    for (String[] bounds : List.of(
        new String[] {"2024-01-14T00:05:00", "2024-01-14T00:10:00"},
        new String[] {"2024-01-14T00:05", "2024-01-14T00:10:00.000000000"},
        new String[] {"2024-01-14T00:05:00+00:00", "2024-01-14T00:10:00.000+0000"},
        new String[] {"2024-01-14T01:05:00+0100", "2024-01-13T23:10:00.0-01:00"})) {
      HandlerResponse response = get(ProxyEvents.get("acme").param("created_after", bounds[0])
          .param("created_before", bounds[1]).param("sort_order", "asc"));
      assertEquals(200, response.status(), response.body().toString());
      assertEquals(expected, ids(response.body()), String.join(" ", bounds));
    }
    JsonNode day = get(ProxyEvents.get("acme").param("created_after", "2024-01-14")
        .param("created_before", "2024-01-15").param("limit", "100")).body();
    // job-100 was created at midnight exactly, which the strict bound leaves out.
    assertEquals(29, day.get("jobs").size());
    assertFalse(ids(day).contains("job-100"));
  }

  @Test
  void listEvaluations_equalCreatedBounds_isEmpty() {
    JsonNode body =
        get(ProxyEvents.get("acme")
                .param("created_after", "2024-01-14T00:05:00Z")
                .param("created_before", "2024-01-14T00:05:00Z"))
            .body();

    assertEquals(0, body.get("jobs").size());
    assertEquals(0, body.get("pagination").get("total_count").asLong());
  }

  @Test
  void listEvaluations_sortByCompletedAt_listsUnfinishedJobsLastInBothDirections() {
    for (String order : List.of("asc", "desc")) {
      JsonNode body =
          get(ProxyEvents.get("acme").param("sort_by", "completed_at").param("sort_order", order).param("limit", "100"))
              .body();
      List<String> ids = ids(body);
      assertEquals(30, ids.size());
      List<String> completedAt = new ArrayList<>();
      body.get("jobs").forEach(job -> completedAt.add(job.get("completed_at").isNull() ? null : job.get("completed_at").asText()));
      assertTrue(completedAt.subList(0, 20).stream().allMatch(t -> t != null), order);
      assertTrue(completedAt.subList(20, 30).stream().allMatch(t -> t == null), order);
      List<String> missing = ids.subList(20, 30);
      List<String> sorted = new ArrayList<>(missing);
      sorted.sort(order.equals("asc") ? Utf8Order.COMPARATOR : Utf8Order.COMPARATOR.reversed());
      assertEquals(sorted, missing, order);
      // Completion times run backwards against creation in this data, so ascending completion is descending ids.
      assertEquals(order.equals("asc") ? "job-129" : "job-101", ids.get(0), order);
    }
  }

  @Test
  void listEvaluations_statusAndJudgeTogether_useBothFilters() {
    JsonNode body =
        get(ProxyEvents.get("acme").param("status", "processing").param("judge_id", "judge-a").param("limit", "100"))
            .body();

    assertEquals(List.of("job-124", "job-118", "job-112", "job-106", "job-100"), ids(body));
  }

  @Test
  void listEvaluations_selectiveFilterOnWidePartition_fullPagesReachEverything() {
    Function<String, ProxyEvents> request =
        offset -> {
          ProxyEvents event =
              ProxyEvents.get("wide")
                  .param("sort_by", "total_items")
                  .param("sort_order", "asc")
                  .param("created_after", "2024-01-14T00:43:09Z")
                  .param("created_before", "2024-01-14T00:43:13Z")
                  .param("limit", "2");
          return offset == null ? event : event.param("offset", offset);
        };
    List<String> seen = new ArrayList<>();
    JsonNode body = get(request.apply(null)).body();
    int pages = 1;
    for (; pages < 100; pages++) {
      assertEquals(3, body.get("pagination").get("total_count").asLong());
      assertEquals(seen.size(), body.get("pagination").get("offset").asLong());
      seen.addAll(ids(body));
      JsonNode next = body.get("pagination").get("next_offset");
      if (next.isNull()) {
        break;
      }
      body = get(request.apply(next.asText())).body();
    }
    // The matches sit at the far end of the sort field's index: the range is read through the creation index
    // instead, so the pages are full and there are no more of them than the listing needs.
    assertEquals(2, pages, "pages: " + pages);
    assertEquals(List.of("w-02590", "w-02591", "w-02592"), seen);
  }

  @Test
  void listEvaluations_integerOffsetDeepInWidePartition_isExact() {
    JsonNode body = get(ProxyEvents.get("wide").param("offset", "2590").param("limit", "100").param("sort_order", "asc")).body();

    assertEquals(WIDE_JOBS, body.get("pagination").get("total_count").asLong());
    assertEquals(10, body.get("jobs").size());
    assertEquals("w-02590", body.get("jobs").get(0).get("job_id").asText());
    assertFalse(body.get("pagination").get("has_next").asBoolean());
    assertTrue(body.get("pagination").get("has_previous").asBoolean());
  }

  @Test
  void listEvaluations_offsetPastTheEnd_isAnEmptyPageWithAWayBack() {
    JsonNode body = get(ProxyEvents.get("acme").param("offset", "40").param("limit", "10")).body();

    assertEquals(0, body.get("jobs").size());
    assertEquals(40, body.get("pagination").get("offset").asLong());
    assertEquals(30, body.get("pagination").get("total_count").asLong());
    assertFalse(body.get("pagination").get("has_next").asBoolean());
    JsonNode back =
        get(ProxyEvents.get("acme").param("limit", "10").param("offset", body.get("pagination").get("previous_offset").asText())).body();
    assertEquals(30, back.get("pagination").get("offset").asLong());
  }

  @Test
  void listEvaluations_unknownTenant_isEmptyNotAnError() {
    JsonNode body = get(ProxyEvents.get("nobody")).body();

    assertEquals(0, body.get("jobs").size());
    assertEquals(0, body.get("pagination").get("total_count").asLong());
  }

  @Test
  void listEvaluations_missingTable_returns500NotARetry() {
    ListEvaluationsHandler broken = new ListEvaluationsHandler(dynamo(), "no-such-table", "no-such-counts", TestTokens.current());

    HandlerResponse response = HandlerResponse.invoke(broken, ProxyEvents.get("acme").json());

    // A deployment fault: retrying cannot cure it, so no 503 and no Retry-After.
    assertEquals(500, response.status());
    assertEquals("internal_error", response.error());
    assertTrue(response.headers().path("Retry-After").isMissingNode());
  }

  @Test
  void listEvaluations_concurrentCallsOnOneHandler_answerAlike() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HandlerResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String sort = List.of("created_at", "completed_at", "progress_percentage", "total_items").get(i % 4);
        calls.add(pool.submit(() -> get(ProxyEvents.get("acme").param("sort_by", sort).param("limit", "7"))));
      }
      for (int i = 0; i < calls.size(); i++) {
        HandlerResponse response = calls.get(i).get();
        assertEquals(200, response.status());
        assertEquals(ids(calls.get(i % 4).get().body()), ids(response.body()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private HandlerResponse get(ProxyEvents event) {
    return HandlerResponse.invoke(handler, event.json());
  }

  /** The response body's text as the handler wrote it, after the same contract check. */
  private String getRaw(ProxyEvents event) {
    return HandlerResponse.invokeForBody(handler, event.json());
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("jobs").forEach(job -> ids.add(job.get("job_id").asText()));
    return ids;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static EvaluationJob job(
      String id, Instant created, Optional<Instant> completed, Optional<Percentage> progress, String judge,
      EvaluationStatus status) {
    return new EvaluationJob(
        id, status, OptionalLong.of(100), OptionalLong.of(50), OptionalLong.of(0), progress, Optional.of(judge),
        Optional.of("Judge " + judge), created, Optional.of(created.plusSeconds(5)), completed, Optional.empty(),
        Optional.of("normal"));
  }
}
