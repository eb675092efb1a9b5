package io.evaljobs.bench;

import io.evaljobs.cli.batch.BatchOutcome;
import io.evaljobs.cli.batch.BatchWriter;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.scoring.ScoringJobTable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes the generated jobs of every tenant through the real key layout, one table per thread. */
final class DatasetLoader {
  private static final long SEED = 20240101L;

  private final DynamoDbClient dynamo;

  DatasetLoader(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Loads both tables; returns the number of items written. */
  long load(Tenants tenants, String evaluationsTable, String scoringTable) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> evaluations = threads.submit(() -> loadEvaluations(tenants, evaluationsTable));
      Future<Long> scoring = threads.submit(() -> loadScoringJobs(tenants, scoringTable));
      return evaluations.get() + scoring.get();
    } finally {
      threads.shutdownNow();
    }
  }

  private long loadEvaluations(Tenants tenants, String table) {
    try (BatchWriter writer = BatchWriter.forTable(dynamo, table, BatchOutcome.IGNORE)) {
      List<Tenants.Sized> organizations = tenants.organizations();
      for (int t = 0; t < organizations.size(); t++) {
        Tenants.Sized organization = organizations.get(t);
        EvaluationJobs jobs = new EvaluationJobs(SEED + t);
        for (int i = 0; i < organization.jobs(); i++) {
          writer.put(i, EvaluationTable.toItem(organization.organization(), jobs.job(i)));
        }
      }
      writer.flush();
      return requireAllWritten(writer, tenants.totalEvaluations(), table);
    }
  }

  private long loadScoringJobs(Tenants tenants, String table) {
    try (BatchWriter writer = BatchWriter.forTable(dynamo, table, BatchOutcome.IGNORE)) {
      List<Tenants.SizedProject> projects = tenants.projects();
      for (int t = 0; t < projects.size(); t++) {
        Tenants.SizedProject project = projects.get(t);
        ScoringJobs jobs = new ScoringJobs(SEED + 100 + t);
        for (int i = 0; i < project.jobs(); i++) {
          writer.put(i, ScoringJobTable.toItem(jobs.job(project.customerId(), project.projectId(), i)));
        }
      }
      writer.flush();
      return requireAllWritten(writer, tenants.totalScoringJobs(), table);
    }
  }

  private static long requireAllWritten(BatchWriter writer, long expected, String table) {
    if (writer.failedCount() > 0 || writer.writtenCount() != expected) {
      throw new IllegalStateException(
          table + ": wrote " + writer.writtenCount() + " of " + expected + ", " + writer.failedCount() + " failed");
    }
    return writer.writtenCount();
  }
}
