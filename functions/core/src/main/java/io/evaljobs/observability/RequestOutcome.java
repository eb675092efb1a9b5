package io.evaljobs.observability;

import io.evaljobs.dynamodb.ReadStats;
import java.util.Optional;

/**
 * How one API request ended, as the request log line and its metrics report it.
 *
 * @param tenant the tenant key in clear; only its {@link TenantHash} is ever written
 * @param throttled whether DynamoDB throttling reached the handler
 */
public record RequestOutcome(
    String api,
    String requestId,
    Optional<String> tenant,
    QueryShape shape,
    ReadStats stats,
    int itemsReturned,
    int status,
    long latencyMillis,
    boolean throttled) {}
