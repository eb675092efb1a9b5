package io.evaljobs.scoring;

import io.evaljobs.dynamodb.Position;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.dynamodb.SortableValues;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageRead;
import io.evaljobs.paging.ResponseBytes;
import io.evaljobs.tenant.Tenant.CustomerProject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads one page of a tenant's scoring jobs within {@link PageWorkBounds}. The listing is resolved from the newest
 * job down: a frontier sort key above which every job is known, moved down by each Query on whichever stream of
 * the plan ({@link QueryPlan}, {@link StreamChooser}) costs the fewest items there. A Query's matches are jobs of
 * the page and its LastEvaluatedKey the new frontier, so no item is read twice. The page ends when it holds its
 * jobs and one more proves a next page, when the listing is exhausted, or when a bound is reached; then its next
 * token is the frontier itself.
 */
final class ScoringJobReader {
  private static final int TIMESTAMP_LENGTH = SortableValues.timestamp(Instant.EPOCH).length();

  private final DynamoDbClient dynamo;
  private final String tableName;

  ScoringJobReader(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  PageRead<ScoringJob> read(ScoringJobQuery query) {
    long position = query.cursor().position();
    if (!query.filters().canMatchStoredJobs()) {
      Page<ScoringJob> none = new Page<>(List.of(), position, Optional.empty(), Optional.empty(), ReadStats.NONE);
      return PageRead.nothingToRead(none);
    }
    List<JobStream> streams = QueryPlan.streams(query.tenant(), query.filters());
    StreamChooser chooser = new StreamChooser(streams);
    Optional<String> frontier = frontierOf(query.cursor());
    int pageSize = query.pageSize();
    List<ScoringJob> jobs = new ArrayList<>();
    String lastKey = null;
    long bytes = 0;
    ReadStats stats = ReadStats.NONE;
    Set<String> indexes = new LinkedHashSet<>();
    Optional<String> next = Optional.empty();
    boolean exhausted = false;
    reading:
    while (true) {
      if (stats.requests() >= PageWorkBounds.REQUESTS_PER_PAGE
          || stats.itemsExamined() >= PageWorkBounds.ITEMS_PER_PAGE) {
        next = frontier;
        break;
      }
      int s = chooser.next();
      JobStream stream = streams.get(s);
      int limit = chooser.limit(s, pageSize + 1 - jobs.size(), PageWorkBounds.ITEMS_PER_PAGE - stats.itemsExamined());
      QueryResponse response = dynamo.query(stream.below(tableName, frontier, limit));
      ReadStats cost = ReadStats.of(response);
      stats = stats.plus(cost);
      indexes.add(stream.indexName());
      for (Map<String, AttributeValue> item : response.items()) {
        ScoringJob job = ScoringJobTable.fromItem(item);
        long jobBytes = ScoringJobJson.worstCaseBytes(job);
        if (jobs.size() == pageSize || (!jobs.isEmpty() && bytes + jobBytes > ResponseBytes.BUDGET)) {
          // One job more than the page holds: there is a next page, and it starts right after the last one kept.
          next = Optional.of(lastKey);
          break reading;
        }
        checkTenant(job, query.tenant());
        jobs.add(job);
        bytes += jobBytes;
        lastKey = sortKeyOf(item);
      }
      Optional<String> reached =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? Optional.of(sortKeyOf(response.lastEvaluatedKey()))
              : Optional.empty();
      chooser.record(s, limit, cost.itemsExamined(), response.items().size(), secondsBetween(frontier, reached));
      if (reached.isEmpty()) {
        exhausted = true;
        break;
      }
      frontier = reached;
    }
    Optional<Cursor> cursor =
        exhausted
            ? Optional.empty()
            : next.map(key ->
                Cursor.after(position + jobs.size(), new Position(0, Map.of(ScoringJobTable.CREATED_SK, key))));
    // Scoring pages link forward only.
    Page<ScoringJob> page = new Page<>(jobs, position, cursor, Optional.empty(), stats);
    return new PageRead<>(page, stats, OptionalLong.empty(), Optional.of(String.join(",", indexes)));
  }

  /** Where the page starts: the top of the listing, or below the sort key a token carries. */
  private static Optional<String> frontierOf(Cursor cursor) {
    if (cursor.kind() == Cursor.Kind.AT_OFFSET && cursor.position() == 0) {
      return Optional.empty();
    }
    return cursor.anchor()
        .filter(anchor -> cursor.kind() == Cursor.Kind.AFTER)
        .map(anchor -> anchor.lastKey().get(ScoringJobTable.CREATED_SK))
        .map(Optional::of)
        .orElseThrow(() -> new InvalidPageTokenException(InvalidPageTokenException.Reason.MALFORMED));
  }

  private static String sortKeyOf(Map<String, AttributeValue> item) {
    AttributeValue value = item.get(ScoringJobTable.CREATED_SK);
    if (value == null || value.s() == null) {
      throw new IllegalStateException("index item lacks " + ScoringJobTable.CREATED_SK);
    }
    return value.s();
  }

  /** Creation time between two sort keys, for the chooser; negative when the upper one is the top of the listing. */
  private static double secondsBetween(Optional<String> upper, Optional<String> lower) {
    if (upper.isEmpty() || lower.isEmpty()) {
      return -1;
    }
    Instant high = SortableValues.parseTimestamp(upper.get().substring(0, TIMESTAMP_LENGTH));
    Instant low = SortableValues.parseTimestamp(lower.get().substring(0, TIMESTAMP_LENGTH));
    return (high.getEpochSecond() - low.getEpochSecond()) + (high.getNano() - low.getNano()) / 1e9;
  }

  /** Every index partition key starts with the tenant, so this never fires; if it did, nothing leaks. */
  private static void checkTenant(ScoringJob job, CustomerProject tenant) {
    if (!job.identity().customerId().equals(tenant.customerId())
        || !job.identity().projectId().equals(tenant.projectId())) {
      throw new IllegalStateException("index returned a job of another tenant");
    }
  }
}
