package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.ReadStats;
import java.util.Optional;

/**
 * A page and what reading it cost: DynamoDB requests, items examined and capacity (count and page reads together),
 * and the index read; no index when the request needed no read at all.
 */
record EvaluationRead(EvaluationPage page, ReadStats stats, Optional<String> index) {}
