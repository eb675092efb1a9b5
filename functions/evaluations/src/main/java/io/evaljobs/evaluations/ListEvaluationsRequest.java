package io.evaljobs.evaluations;

/** A validated GET /evaluations request: what to list, how many per page, and where the page starts. */
record ListEvaluationsRequest(EvaluationQuery query, int limit, PageStart start) {}
