package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.CountResult;
import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.http.InvalidParameterException;
import io.evaljobs.paging.InMemoryPageReader;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageRead;
import io.evaljobs.paging.PageReader;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.ReadBoundExceededException;
import io.evaljobs.paging.ResponseBytes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the page of one organization's evaluation jobs a request asks for, with its total (from the counters). Every page holds {@code limit} jobs unless it is the last, an integer offset N is
 * position N, and no request reads more than {@link #BUDGET}: a page that cannot be answered within it is the
 * client's 400 naming what to change, never a short page. Thread-safe: it holds only immutable collaborators.
 */
final class EvaluationPageReader {
  /** What one request may read, skipping and counting included. */
  static final ReadBudget BUDGET = new ReadBudget(16, 4_000);

  /**
   * A creation range listed by another field is read whole through the creation index and ordered in memory when it
   * holds at most this many jobs (and that costs less than filtering the sort field's index).
   */
  static final int SMALL_RANGE_JOBS = 3_000;

  /** Integer offsets up to this are skipped by counting in the index (one request); deeper ones use the counters. */
  static final long COUNTED_SKIP = 1_000;

  /**
   * Orders other than creation time have no counters to skip by: integer offsets stop here, within one request's
   * reads. Tokens reach any depth.
   */
  static final long MAX_OFFSET_OTHER_ORDERS = 3_000;

  /** What is kept back for reading a small range whole when filtering the sort field's index stops short. */
  private static final ReadBudget READING_SMALL_RANGE = new ReadBudget(4, SMALL_RANGE_JOBS + 1);

  /** What filtering the sort field's index may read for a small range: the rest of the bound. */
  private static final ReadBudget FILTERING_SMALL_RANGE =
      new ReadBudget(
          BUDGET.maxRequests() - READING_SMALL_RANGE.maxRequests(),
          BUDGET.maxItemsExamined() - READING_SMALL_RANGE.maxItemsExamined());

  /**
   * Reads totals and counters beside page reads: daemon threads made on demand, a few per request in flight, so a
   * Lambda environment (one request at a time) keeps a handful.
   */
  private static final ExecutorService COUNTING =
      Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "evaljobs-total-count");
        thread.setDaemon(true);
        return thread;
      });

  private final JobCounter counter;
  private final CreatedOffsetLocator locator;
  private final PageReader pageReader;
  private final InMemoryPageReader inMemory;
  private final String tableName;
  private final PageTokens tokens;

  EvaluationPageReader(DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens) {
    this(dynamo, tableName, countsTableName, tokens, Clock.systemUTC());
  }

  EvaluationPageReader(
      DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens, Clock clock) {
    IndexReader indexReader = new IndexReader(dynamo);
    this.counter = new JobCounter(dynamo, indexReader, tableName, countsTableName);
    this.locator = new CreatedOffsetLocator(dynamo, indexReader, tableName, countsTableName, clock, COUNTING);
    this.pageReader = new PageReader(indexReader);
    this.inMemory = new InMemoryPageReader(indexReader);
    this.tableName = tableName;
    this.tokens = tokens;
  }

  PageRead<EvaluationJob> read(String organization, ListEvaluationsRequest request) {
    EvaluationQuery query = request.query();
    Cursor cursor = cursorOf(request.start(), organization, query.canonical());
    Optional<CreatedRange> range = query.createdRange();
    if (range.isEmpty()) {
      // A creation range no job can fall in: nothing to read, but the page still says where it stands.
      long offset = cursor.kind() == Cursor.Kind.BEFORE ? 0 : cursor.position();
      return new PageRead<>(
          Page.emptyAt(offset, request.limit(), ReadStats.NONE), ReadStats.NONE, OptionalLong.of(0), Optional.empty());
    }
    IndexQuery listing = EvaluationTable.listing(tableName, organization, query, range.get());
    Planned planned;
    try {
      planned =
          query.sortBy() != SortField.CREATED_AT && !range.get().isAll()
              ? readRangeBySortField(organization, query, range.get(), listing, cursor, request.limit())
              : readIndex(organization, query, range.get(), listing, cursor, request.limit());
    } catch (ReadBoundExceededException e) {
      throw outOfBound(e, query, cursor);
    } catch (IllegalArgumentException e) {
      if (!(request.start() instanceof PageStart.Token)) {
        throw e;
      }
      // A token's position that does not fit this listing makes the token as unusable as a forged one.
      throw new InvalidPageTokenException(InvalidPageTokenException.Reason.MALFORMED);
    }
    Page<Hit> page = planned.page();
    List<EvaluationJob> jobs = page.items().stream().map(hit -> EvaluationTable.fromItem(hit.item())).toList();
    int fitting = ResponseBytes.fitting(jobs.stream().map(EvaluationJobJson::worstCaseBytes).toList());
    if (fitting < jobs.size()) {
      page = page.truncatedTo(fitting, hit -> IndexReader.positionAfter(listing, hit));
    }
    // has_next is decided by the page read (one item more than the limit), not by the total, which trails the stream.
    return new PageRead<>(
        page.withItems(jobs.subList(0, fitting)),
        planned.total().stats().plus(planned.located()).plus(page.stats()),
        OptionalLong.of(planned.total().count()),
        Optional.of(planned.index()));
  }

  /** A page, the listing's total, what locating the page cost beyond reading it, and the index the page came from. */
  private record Planned(Page<Hit> page, CountResult total, ReadStats located, String index) {}

  /**
   * A listing its index gives in order with no filter: by creation time (any range), or by another field over all
   * creation times. Every item read is listed, so pages are full; deep integer offsets by creation time are found by
   * the counters.
   */
  private Planned readIndex(
      String organization, EvaluationQuery query, CreatedRange range, IndexQuery listing, Cursor cursor, int limit) {
    // The total and the page are independent reads: the first page waits for the slower of the two, not for both.
    CompletableFuture<CountResult> counted = totalOf(organization, query, range, cursor);
    boolean atOffset = cursor.kind() == Cursor.Kind.AT_OFFSET;
    if (atOffset && query.sortBy() != SortField.CREATED_AT && cursor.position() > MAX_OFFSET_OTHER_ORDERS) {
      counted.cancel(false);
      throw new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING);
    }
    if (!atOffset || cursor.position() <= COUNTED_SKIP || query.sortBy() != SortField.CREATED_AT) {
      Page<Hit> page = pageReader.read(listing, cursor, limit, BUDGET);
      return new Planned(page, joined(counted), ReadStats.NONE, listing.source());
    }
    long offset = cursor.position();
    CreatedOffsetLocator.Location location = locator.locate(organization, query, range, offset, BUDGET);
    Page<Hit> page;
    if (location.remainder().isEmpty()) {
      page = Page.emptyAt(offset, limit, ReadStats.NONE);
    } else {
      IndexQuery rest = EvaluationTable.listing(tableName, organization, query, location.remainder().get());
      ReadBudget left =
          BUDGET.remainingAfter(location.indexStats())
              .orElseThrow(() -> new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING));
      page = pageReader.readAt(rest, location.skipWithin(), offset, limit, left);
    }
    return new Planned(page, joined(counted), location.stats(), listing.source());
  }

  /**
   * A creation range listed by another field: DynamoDB takes one range condition per key, so either the range is
   * read whole through the creation index and ordered in memory (few jobs), or the sort field's index is read with
   * the range as a filter (the range holds a good share of the listing's jobs). The counters say which is cheaper.
   */
  private Planned readRangeBySortField(
      String organization, EvaluationQuery query, CreatedRange range, IndexQuery listing, Cursor cursor, int limit) {
    // The partition's size only weighs against reading the range whole; a token's carried total can rule that out.
    boolean mayReadWhole = cursor.totalCount().isEmpty() || cursor.totalCount().getAsLong() <= SMALL_RANGE_JOBS;
    CompletableFuture<CountResult> family =
        mayReadWhole
            ? CompletableFuture.supplyAsync(() -> counter.count(organization, query, CreatedRange.ALL), COUNTING)
            : CompletableFuture.completedFuture(new CountResult(0, ReadStats.NONE));
    CountResult total = joined(totalOf(organization, query, range, cursor));
    CountResult all = joined(family);
    CountResult counting = new CountResult(total.count(), total.stats().plus(all.stats()));
    long skipped = cursor.kind() == Cursor.Kind.AT_OFFSET ? cursor.position() : 0;
    double filteredReads = (double) (skipped + limit + 1) * all.count() / Math.max(1, total.count());
    boolean small = mayReadWhole && total.count() <= SMALL_RANGE_JOBS;
    IndexQuery source = EvaluationTable.byCreation(tableName, organization, query, range, listing);
    if (small && (total.count() <= filteredReads || filteredReads > FILTERING_SMALL_RANGE.maxItemsExamined())) {
      Page<Hit> page = inMemory.read(source, listing, cursor, limit, (int) BUDGET.maxItemsExamined() - 1, BUDGET);
      return new Planned(page, counting, ReadStats.NONE, source.source());
    }
    if (cursor.kind() == Cursor.Kind.AT_OFFSET && cursor.position() > MAX_OFFSET_OTHER_ORDERS) {
      throw new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING);
    }
    if (!small) {
      Page<Hit> page = pageReader.read(listing, cursor, limit, BUDGET);
      if (page.items().size() < limit && page.next().isPresent()) {
        throw new ReadBoundExceededException(ReadBoundExceededException.Stage.FILLING);
      }
      return new Planned(page, counting, ReadStats.NONE, listing.source());
    }
    // The estimate takes the range's jobs as spread evenly over the sort field's index; where they cluster (ties
    // ordered by creation time, say), filtering stops short and the range is read whole with the budget kept for it.
    ReadStats attempted;
    try {
      Page<Hit> page = pageReader.read(listing, cursor, limit, FILTERING_SMALL_RANGE);
      if (page.items().size() == limit || page.next().isEmpty()) {
        return new Planned(page, counting, ReadStats.NONE, listing.source());
      }
      attempted = page.stats();
    } catch (ReadBoundExceededException e) {
      attempted = e.spent();
    }
    Page<Hit> page = inMemory.read(source, listing, cursor, limit, SMALL_RANGE_JOBS, READING_SMALL_RANGE);
    return new Planned(page, counting, attempted, source.source());
  }

  private CompletableFuture<CountResult> totalOf(
      String organization, EvaluationQuery query, CreatedRange range, Cursor cursor) {
    return cursor.totalCount().isPresent()
        ? CompletableFuture.completedFuture(new CountResult(cursor.totalCount().getAsLong(), ReadStats.NONE))
        : CompletableFuture.supplyAsync(() -> counter.count(organization, query, range), COUNTING);
  }

  /** The client's 400 for a page beyond one request's reads, naming what to send instead. */
  private static InvalidParameterException outOfBound(
      ReadBoundExceededException e, EvaluationQuery query, Cursor cursor) {
    if (e.stage() == ReadBoundExceededException.Stage.SKIPPING) {
      String reach =
          query.sortBy() == SortField.CREATED_AT
              ? "offset " + cursor.position() + " lies in an hour with more jobs than one request reads"
              : "integer offsets in orders other than sort_by=created_at go up to " + MAX_OFFSET_OTHER_ORDERS;
      return new InvalidParameterException(
          "offset", InvalidParameterException.Kind.OUT_OF_RANGE,
          reach + "; to page deeper, pass pagination.next_offset of the previous page as offset",
          Optional.of(Long.toString(cursor.position())));
    }
    String parameter = query.createdAfter().isPresent() ? "created_after" : "created_before";
    return new InvalidParameterException(
        parameter, InvalidParameterException.Kind.OUT_OF_RANGE,
        "the created_after/created_before range holds too many jobs to list by " + query.sortBy().wireName()
            + " within one request's reads (" + BUDGET.maxItemsExamined() + " jobs): narrow the range to at most "
            + SMALL_RANGE_JOBS + " jobs, lower limit, or sort by created_at",
        Optional.empty());
  }

  /** What {@code future} gave, or what it threw, as a read made in place would have thrown it. */
  static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private Cursor cursorOf(PageStart start, String organization, String canonical) {
    if (start instanceof PageStart.Token) {
      return tokens.decode(((PageStart.Token) start).token(), organization, canonical);
    }
    return Cursor.atOffset(((PageStart.Offset) start).offset());
  }
}
