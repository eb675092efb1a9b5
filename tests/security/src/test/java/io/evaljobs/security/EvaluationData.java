package io.evaljobs.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationJobJson;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.Percentage;
import io.evaljobs.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Evaluation jobs of organizations whose identities collide on purpose: shared job and judge ids, and names that
 * would alias under a naive '#' join ("a#b" + "c" against "a" + "b#c") or with the counts' "any" marker ("*").
 */
final class EvaluationData {
  static final List<String> ORGANIZATIONS =
      List.of("a", "a#b", "a\\", "a\\#b", "acme", "acme corp", "ümlaut Σ 組織", "org 🙂#\\ x");
  static final List<String> JOB_IDS =
      List.of("job-1", "job-2", "job-3", "j#1", "j\\2", "b#c", "c", "ü job", "job 🙂", "job-4", "job-5", "job-6",
          "job-7", "job-8", "job-9", "x#", "\\", "#");
  /** "*" is also what the counts call "any judge": a judge of that name must keep a count of its own. */
  static final List<String> JUDGE_IDS = List.of("judge-1", "judge-2", "b#c", "c", "j\\", "審査 1", "a#b", "*");
  static final Instant EPOCH = Instant.parse("2024-03-01T00:00:00Z");

  /** organization -> job_id -> the job's expected wire form. */
  private final Map<String, Map<String, JsonNode>> wire = new LinkedHashMap<>();
  private final Map<String, List<EvaluationJob>> jobs = new LinkedHashMap<>();

  static EvaluationData generate(Random random) {
    EvaluationData data = new EvaluationData();
    for (String organization : ORGANIZATIONS) {
      List<String> ids = new ArrayList<>(JOB_IDS);
      java.util.Collections.shuffle(ids, random);
      int count = 6 + random.nextInt(JOB_IDS.size() - 5);
      List<EvaluationJob> own = new ArrayList<>();
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      for (String id : ids.subList(0, count)) {
        EvaluationJob job = job(id, random);
        own.add(job);
        byId.put(id, wireForm(job));
      }
      data.jobs.put(organization, own);
      data.wire.put(organization, byId);
    }
    return data;
  }

  static EvaluationJob job(String id, Random random) {
    EvaluationStatus status = EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)];
    // Few distinct creation times, so ties (broken by job_id) are common.
    Instant created = EPOCH.plusSeconds(3600L * random.nextInt(6));
    OptionalLong total = random.nextInt(4) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextInt(5) * 10L);
    Optional<Percentage> progress =
        random.nextInt(4) == 0 ? Optional.empty() : Optional.of(Percentage.of(random.nextInt(5) * 25.0));
    Optional<String> judge =
        random.nextInt(5) == 0 ? Optional.empty() : Optional.of(JUDGE_IDS.get(random.nextInt(JUDGE_IDS.size())));
    Optional<Instant> completed =
        random.nextBoolean() ? Optional.of(created.plusSeconds(60L * random.nextInt(4))) : Optional.empty();
    return new EvaluationJob(
        id, status, total, total.isPresent() ? OptionalLong.of(0) : OptionalLong.empty(), OptionalLong.empty(),
        progress, judge, judge.map(j -> "name of " + j), created, Optional.of(created.plusSeconds(5)), completed,
        Optional.empty(), random.nextBoolean() ? Optional.of("high") : Optional.empty());
  }

  static JsonNode wireForm(EvaluationJob job) {
    try {
      return ProxyResponse.MAPPER.readTree(Json.write(json -> EvaluationJobJson.write(json, job)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeTo(DynamoDbClient dynamo, String table) {
    jobs.forEach((organization, own) -> {
      for (EvaluationJob job : own) {
        dynamo.putItem(
            PutItemRequest.builder().tableName(table).item(EvaluationTable.toItem(organization, job)).build());
      }
    });
  }

  /**
   * How many of {@code organization}'s jobs a listing with {@code filters} holds, by the contract's rules: equal
   * status and judge id, creation strictly between the bounds; sorting and paging do not change it.
   */
  long countMatching(String organization, Map<String, String> filters) {
    return jobs.get(organization).stream().filter(job -> matches(job, filters)).count();
  }

  private static boolean matches(EvaluationJob job, Map<String, String> filters) {
    String status = filters.get("status");
    String judge = filters.get("judge_id");
    String after = filters.get("created_after");
    String before = filters.get("created_before");
    return (status == null || job.status().wireName().equals(status))
        && (judge == null || job.judgeId().equals(Optional.of(judge)))
        && (after == null || job.createdAt().isAfter(Instant.parse(after)))
        && (before == null || job.createdAt().isBefore(Instant.parse(before)));
  }

  Map<String, JsonNode> wireOf(String organization) {
    return wire.get(organization);
  }

  List<EvaluationJob> jobsOf(String organization) {
    return jobs.get(organization);
  }
}
