package io.evaljobs.evaluations;

/** A job with the organization it belongs to, as test data. */
record StoredJob(String organization, EvaluationJob job) {}
