package io.evaljobs.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tenant.Tenant;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringStatus;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoJobsTest {
  private static final Tenant.CustomerProject SUPPORT_BOT = new Tenant.CustomerProject("cust-acme", "proj-support-bot");

  @Test
  void evaluations_sameSeed_sameJobs_otherSeed_otherJobs() {
    assertEquals(DemoEvaluations.generate(1, 200), DemoEvaluations.generate(1, 200));
    assertNotEquals(DemoEvaluations.generate(1, 200), DemoEvaluations.generate(2, 200));
  }

  @Test
  void evaluations_areConsistent_completedAtOnlyForFinishedJobs() {
    List<EvaluationJob> jobs = DemoEvaluations.generate(7, 3000);
    Set<EvaluationStatus> finished = EnumSet.of(EvaluationStatus.COMPLETED, EvaluationStatus.FAILED,
        EvaluationStatus.CANCELLED);
    Set<EvaluationStatus> statuses = EnumSet.noneOf(EvaluationStatus.class);
    Set<String> ids = new HashSet<>();
    for (EvaluationJob job : jobs) {
      statuses.add(job.status());
      assertTrue(ids.add(job.jobId()), "unique job ids");
      assertEquals(finished.contains(job.status()), job.completedAt().isPresent(), job.toString());
      job.completedAt().ifPresent(at -> assertTrue(!at.isBefore(job.createdAt()), job.toString()));
      job.startedAt().ifPresent(at -> assertTrue(at.isAfter(job.createdAt()), job.toString()));
      if (job.status() == EvaluationStatus.COMPLETED) {
        assertEquals("100", job.progressPercentage().orElseThrow().literal(), job.toString());
      }
      if (job.totalItems().isPresent()) {
        assertTrue(job.processedItems().getAsLong() <= job.totalItems().getAsLong(), job.toString());
      }
    }
    assertEquals(EnumSet.allOf(EvaluationStatus.class), statuses);
    long judges = jobs.stream().map(EvaluationJob::judgeId).filter(j -> j.isPresent()).distinct().count();
    assertTrue(judges >= 5, "several judges");
    long months = jobs.stream().map(j -> j.createdAt().toString().substring(0, 7)).distinct().count();
    assertTrue(months >= 6, "spread over months: " + months);
  }

  @Test
  void scoringJobs_scoreOnlyWhenCompleted_judgeIntegersStatisticalFractions_sessionsOfSeveralJobs() {
    List<ScoringJob> jobs = DemoScoringJobs.generate(3, SUPPORT_BOT, 2000);
    assertEquals(2000, jobs.size());
    assertEquals(jobs, DemoScoringJobs.generate(3, SUPPORT_BOT, 2000));
    for (ScoringJob job : jobs) {
      assertEquals("cust-acme", job.identity().customerId());
      assertEquals("proj-support-bot", job.identity().projectId());
      assertEquals(job.status() == ScoringStatus.COMPLETED, job.score().isPresent(), job.toString());
      job.score().ifPresent(score -> {
        assertEquals(job.module().startsWith("judge/"), score.isInteger(), job.toString());
      });
    }
    Map<String, Long> perSession =
        jobs.stream().collect(Collectors.groupingBy(j -> j.identity().agentSessionId().orElseThrow(),
            Collectors.counting()));
    assertTrue(perSession.values().stream().mapToLong(Long::longValue).average().orElse(0) >= 3,
        "several jobs per session");
    assertTrue(jobs.stream().map(j -> j.identity().agentVersion()).distinct().count() >= 3);
    assertTrue(jobs.stream().map(j -> j.identity().toolId()).distinct().count() >= 3);
  }
}
