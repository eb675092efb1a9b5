package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.CountResult;
import io.evaljobs.dynamodb.Hit;
import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.paging.Cursor;
import io.evaljobs.paging.InvalidPageTokenException;
import io.evaljobs.paging.Page;
import io.evaljobs.paging.PageReader;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.ResponseBytes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the page of one organization's evaluation jobs a request asks for, with its total (from the counters, read
 * beside the page) and the tokens of the neighbouring pages. Thread-safe: it holds only immutable collaborators.
 */
final class EvaluationPageReader {
  /** Caps one page's reads; a selective filter then yields a short page with a next token, never a long loop. */
  static final ReadBudget BUDGET = new ReadBudget(8, 2_000);

  /**
   * Reads totals beside page reads: daemon threads made on demand, one per first page in flight, so a Lambda
   * environment (one request at a time) keeps a single one.
   */
  private static final ExecutorService COUNTING =
      Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "evaljobs-total-count");
        thread.setDaemon(true);
        return thread;
      });

  private final JobCounter counter;
  private final PageReader pageReader;
  private final String tableName;
  private final PageTokens tokens;

  EvaluationPageReader(DynamoDbClient dynamo, String tableName, String countsTableName, PageTokens tokens) {
    IndexReader indexReader = new IndexReader(dynamo);
    this.counter = new JobCounter(dynamo, indexReader, tableName, countsTableName);
    this.pageReader = new PageReader(indexReader);
    this.tableName = tableName;
    this.tokens = tokens;
  }

  EvaluationRead read(String organization, ListEvaluationsRequest request) {
    EvaluationQuery query = request.query();
    String canonical = query.canonical();
    Cursor cursor = cursorOf(request.start(), organization, canonical);
    Optional<CreatedRange> range = query.createdRange();
    if (range.isEmpty()) {
      return new EvaluationRead(
          emptyListing(cursor, request.limit(), organization, canonical), ReadStats.NONE, Optional.empty());
    }
    IndexQuery listing = EvaluationTable.listing(tableName, organization, query, range.get());
    // The total and the page are independent reads: the first page waits for the slower of the two, not for both.
    CompletableFuture<CountResult> counted =
        cursor.totalCount().isPresent()
            ? CompletableFuture.completedFuture(new CountResult(cursor.totalCount().getAsLong(), ReadStats.NONE))
            : CompletableFuture.supplyAsync(() -> counter.count(organization, query, range.get()), COUNTING);
    Page page;
    try {
      page = pageReader.read(listing, cursor, request.limit(), BUDGET);
    } catch (IllegalArgumentException e) {
      if (!(request.start() instanceof PageStart.Token)) {
        throw e;
      }
      // A token's position that does not fit this listing makes the token as unusable as a forged one.
      throw new InvalidPageTokenException(InvalidPageTokenException.Reason.MALFORMED);
    }
    CountResult count = joined(counted);
    long total = count.count();
    ReadStats counting = count.stats();
    List<EvaluationJob> jobs =
        page.hits().stream().map(Hit::item).map(EvaluationTable::fromItem).collect(Collectors.toList());
    int fitting = ResponseBytes.fitting(jobs.stream().map(EvaluationJobJson::worstCaseBytes).toList());
    if (fitting < jobs.size()) {
      page = page.truncatedTo(fitting, listing);
      jobs = jobs.subList(0, fitting);
    }
    // Decided by the page read (one item more than the limit), not by the total, which trails the stream.
    boolean hasNext = page.next().isPresent();
    Optional<String> next = hasNext ? page.next().map(c -> encode(c, total, organization, canonical)) : Optional.empty();
    Optional<String> previous = page.previous().map(c -> encode(c, total, organization, canonical));
    EvaluationPage evaluations =
        new EvaluationPage(jobs, total, request.limit(), page.position(), hasNext, page.position() > 0, next, previous);
    return new EvaluationRead(evaluations, counting.plus(page.stats()), Optional.of(listing.indexName()));
  }

  /** What {@code future} gave, or what it threw, as the page read would have thrown it. */
  private static <T> T joined(CompletableFuture<T> future) {
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

  /** A creation range no job can fall in: nothing to read, but the page still says where it stands. */
  private EvaluationPage emptyListing(Cursor cursor, int limit, String organization, String canonical) {
    long offset = cursor.kind() == Cursor.Kind.BEFORE ? 0 : cursor.position();
    Optional<String> previous =
        offset > 0
            ? Optional.of(encode(Cursor.atOffset(Math.max(0, offset - limit)), 0, organization, canonical))
            : Optional.empty();
    return new EvaluationPage(List.of(), 0, limit, offset, false, offset > 0, Optional.empty(), previous);
  }

  private String encode(Cursor cursor, long total, String organization, String canonical) {
    return tokens.encode(cursor.withTotalCount(total), organization, canonical);
  }
}
