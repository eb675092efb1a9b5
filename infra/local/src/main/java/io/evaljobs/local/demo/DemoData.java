package io.evaljobs.local.demo;

import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.DuplicateApiKeyException;
import io.evaljobs.tenant.Tenant;
import io.evaljobs.cli.batch.BatchOutcome;
import io.evaljobs.cli.batch.BatchWriter;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobTable;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Loads the demo tenants' keys and jobs into the local tables. */
public final class DemoData {
  /** Fixed, so every start serves the same demo jobs. */
  private static final long SEED = 20261101L;

  private final DynamoDbClient dynamo;
  private final PrintStream log;

  public DemoData(DynamoDbClient dynamo, PrintStream log) {
    this.dynamo = dynamo;
    this.log = log;
  }

  /** Stores every demo key; keys already present (a reused DynamoDB) are kept as they are. */
  public void loadKeys(String apiKeysTable) {
    ApiKeys keys = new ApiKeys(dynamo, apiKeysTable);
    for (DemoKeys.DemoKey key : DemoKeys.ALL) {
      try {
        keys.createWithSecret(key.api(), key.tenant(), key.name(), key.secret());
      } catch (DuplicateApiKeyException e) {
        // Present from an earlier start against the same DynamoDB.
      }
    }
  }

  /**
   * About {@code jobsPerApi} evaluation jobs split between the demo organizations and as many scoring jobs split
   * between the demo projects.
   */
  public void loadJobs(String evaluationsTable, String scoringJobsTable, int jobsPerApi) {
    List<DemoKeys.DemoKey> organizations =
        DemoKeys.ALL.stream().filter(k -> k.tenant() instanceof Tenant.Organization).toList();
    List<DemoKeys.DemoKey> projects =
        DemoKeys.ALL.stream().filter(k -> k.tenant() instanceof Tenant.CustomerProject).toList();
    long tenantSeed = SEED;
    try (BatchWriter writer = BatchWriter.forTable(dynamo, evaluationsTable, failures("evaluation"))) {
      for (DemoKeys.DemoKey key : organizations) {
        String organization = ((Tenant.Organization) key.tenant()).organization();
        List<EvaluationJob> jobs = DemoEvaluations.generate(tenantSeed++, share(jobsPerApi, organizations.size()));
        long tag = 0;
        for (EvaluationJob job : jobs) {
          writer.put(++tag, EvaluationTable.toItem(organization, job));
        }
      }
    }
    try (BatchWriter writer = BatchWriter.forTable(dynamo, scoringJobsTable, failures("scoring"))) {
      for (DemoKeys.DemoKey key : projects) {
        Tenant.CustomerProject project = (Tenant.CustomerProject) key.tenant();
        long tag = 0;
        for (ScoringJob job : DemoScoringJobs.generate(tenantSeed++, project, share(jobsPerApi, projects.size()))) {
          writer.put(++tag, ScoringJobTable.toItem(job));
        }
      }
    }
  }

  private static int share(int total, int tenants) {
    return Math.max(1, total / tenants);
  }

  private BatchOutcome failures(String kind) {
    return new BatchOutcome() {
      @Override
      public void written(long tag) {}

      @Override
      public void failed(long tag, String reason) {
        log.println("demo " + kind + " job " + tag + " not written: " + reason);
      }
    };
  }
}
