package io.evaljobs.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.evaljobs.http.Json;
import io.evaljobs.scoring.AgentIdentityContext;
import io.evaljobs.scoring.Score;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobJson;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.scoring.ScoringStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Scoring jobs of customer/project pairs that alias under naive concatenation ("a#b"/"c" against "a"/"b#c"), sharing
 * agent names, session ids and job ids across tenants.
 */
final class ScoringData {
  record TenantId(String customerId, String projectId) {
    Map<String, String> authorizerContext() {
      return Map.of("customer_id", customerId, "project_id", projectId);
    }
  }

  static final List<TenantId> TENANTS =
      List.of(
          new TenantId("a#b", "c"), new TenantId("a", "b#c"), new TenantId("a", "b"), new TenantId("a\\", "#b"),
          new TenantId("a\\#", "b"), new TenantId("acme", "prod"), new TenantId("acme", "prod 2"),
          new TenantId("ü Σ", "🙂 p"));
  static final List<String> JOB_IDS =
      List.of("job-1", "job-2", "job-3", "j#1", "j\\2", "b#c", "c", "ü job", "job 🙂", "job-4", "job-5", "job-6",
          "job-7", "job-8", "#", "\\");
  static final List<String> VALUES = List.of("agent-1", "agent-2", "a#b", "b#c", "c", "x\\", "名 1", "v 1");
  /** The filters the pool above fills, with the query parameter names of the API. */
  static final List<String> FILTERS =
      List.of("agent_name", "agent_version", "agent_session_id", "agent_workflow_name", "agent_workflow_version",
          "agent_workflow_session_id", "tool_id", "tool_instance_id", "tool_execution_id");
  static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private final Map<TenantId, Map<String, JsonNode>> wire = new LinkedHashMap<>();
  private final Map<TenantId, List<ScoringJob>> jobs = new LinkedHashMap<>();

  static ScoringData generate(Random random) {
    ScoringData data = new ScoringData();
    for (TenantId tenant : TENANTS) {
      List<String> ids = new ArrayList<>(JOB_IDS);
      Collections.shuffle(ids, random);
      int count = 6 + random.nextInt(JOB_IDS.size() - 5);
      List<ScoringJob> own = new ArrayList<>();
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      for (String id : ids.subList(0, count)) {
        ScoringJob job = job(tenant, id, random);
        own.add(job);
        byId.put(id, wireForm(job));
      }
      data.jobs.put(tenant, own);
      data.wire.put(tenant, byId);
    }
    return data;
  }

  static ScoringJob job(TenantId tenant, String id, Random random) {
    AgentIdentityContext identity =
        new AgentIdentityContext(
            tenant.customerId(), tenant.projectId(), value(random), value(random), value(random),
            random.nextBoolean() ? OptionalLong.of(random.nextInt(5)) : OptionalLong.empty(), value(random),
            value(random), value(random), Optional.empty(), Optional.empty(), value(random), value(random),
            value(random));
    ScoringStatus status = ScoringStatus.values()[random.nextInt(ScoringStatus.values().length)];
    Optional<Score> score =
        status == ScoringStatus.COMPLETED ? Optional.of(new Score(Integer.toString(random.nextInt(11))))
            : Optional.empty();
    return new ScoringJob(
        id, identity, "judge", status, score, Optional.of("explanation of " + id),
        EPOCH.plusSeconds(60L * random.nextInt(5)));
  }

  private static Optional<String> value(Random random) {
    return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(VALUES.get(random.nextInt(VALUES.size())));
  }

  static JsonNode wireForm(ScoringJob job) {
    try {
      return ProxyResponse.MAPPER.readTree(Json.write(json -> ScoringJobJson.write(json, job)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeTo(DynamoDbClient dynamo, String table) {
    jobs.values().forEach(own -> {
      for (ScoringJob job : own) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(ScoringJobTable.toItem(job)).build());
      }
    });
  }

  Map<String, JsonNode> wireOf(TenantId tenant) {
    return wire.get(tenant);
  }
}
