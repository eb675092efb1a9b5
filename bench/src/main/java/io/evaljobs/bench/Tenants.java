package io.evaljobs.bench;

import java.util.List;

/**
 * The benchmark's tenants and their sizes: one large tenant per table (the one the events/ files name, so the cold
 * start events read a big partition), a tenth-size one and a few small ones, so that every query also shares its
 * index with other tenants' jobs.
 */
record Tenants(int large) {
  static final String LARGE_ORGANIZATION = "org-acme";
  static final String LARGE_CUSTOMER = "cust_acme";
  static final String LARGE_PROJECT = "proj_support";

  Tenants {
    if (large < 1_000) {
      throw new IllegalArgumentException("the large tenant needs at least 1,000 jobs");
    }
  }

  /** Organization name and job count of every evaluations tenant, the large one first. */
  List<Sized> organizations() {
    return List.of(
        new Sized(LARGE_ORGANIZATION, large),
        new Sized("org-beta", large / 10),
        new Sized("org-gamma", large / 100),
        new Sized("org-delta", 50));
  }

  /** Customer, project and job count of every scoring tenant, the large one first. */
  List<SizedProject> projects() {
    return List.of(
        new SizedProject(LARGE_CUSTOMER, LARGE_PROJECT, large),
        new SizedProject(LARGE_CUSTOMER, "proj_sales", large / 10),
        new SizedProject("cust_beta", "proj_main", large / 100),
        new SizedProject("cust_gamma", "proj_main", 50));
  }

  long totalEvaluations() {
    return organizations().stream().mapToLong(Sized::jobs).sum();
  }

  long totalScoringJobs() {
    return projects().stream().mapToLong(SizedProject::jobs).sum();
  }

  record Sized(String organization, int jobs) {}

  record SizedProject(String customerId, String projectId, int jobs) {}
}
