package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.IndexQuery;
import io.evaljobs.dynamodb.IndexReader;
import io.evaljobs.dynamodb.ReadBudget;
import io.evaljobs.dynamodb.ReadStats;
import io.evaljobs.dynamodb.SkipResult;
import io.evaljobs.paging.ReadBoundExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds where an integer offset falls in a listing by creation time without stepping over the jobs before it: whole
 * days and hours are passed by their counters, and only the hour that holds the offset (and the partial hours at the
 * range's ends) are counted in the index. Hours near now are counted in the index too: their counters may still
 * trail the stream. The cost depends on the range's span in days and on the jobs in one hour, not on the offset or
 * the size of the table. The first request of every counter span is made at once, beside the index counts, so
 * locating waits for about two round trips (the spans, then one day's hours) rather than one per span.
 */
final class CreatedOffsetLocator {
  /** Hours that began this close to now (and anything later) are counted from the table, not their counters. */
  static final Duration FRESH = Duration.ofHours(1);

  /**
   * A day holding at most this many jobs is not split by its hours: the page read skips into it from the index
   * instead, one request where the hours' counters and a skip within an hour would take two.
   */
  static final long DAY_SKIPPED_IN_INDEX = 1_000;

  /**
   * Where the offset falls: the listing's remainder from the start of the hour (or partial hour) that holds it, as a
   * creation range, and how many of that remainder's jobs come before the offset; no remainder when the listing
   * holds no more than the offset's jobs. With what finding it cost: in all, and in jobs counted in the index (the
   * part that shares the page's budget; counters are one small item per day or hour).
   */
  record Location(Optional<CreatedRange> remainder, long skipWithin, ReadStats stats, ReadStats indexStats) {}

  private final CreationCounters counters;
  private final IndexReader indexReader;
  private final String jobsTable;
  private final Clock clock;
  private final Executor ahead;

  /** {@code ahead} runs the counter reads made before the walk needs them. */
  CreatedOffsetLocator(
      DynamoDbClient dynamo, IndexReader indexReader, String jobsTable, String countsTable, Clock clock,
      Executor ahead) {
    this.counters = new CreationCounters(dynamo, countsTable);
    this.indexReader = indexReader;
    this.jobsTable = jobsTable;
    this.clock = clock;
    this.ahead = ahead;
  }

  /**
   * The part of {@code query}'s listing (by creation time, within {@code range}) that starts at the unit holding
   * position {@code offset}. Counting in the index shares {@code budget}; counting that would pass it throws
   * {@link ReadBoundExceededException}.
   */
  Location locate(
      String organization, EvaluationQuery query, CreatedRange range, long offset, ReadBudget budget) {
    if (query.sortBy() != SortField.CREATED_AT) {
      throw new IllegalArgumentException("counters order jobs by creation time only");
    }
    List<Span> spans = spans(range);
    if (!query.ascending()) {
      Collections.reverse(spans);
    }
    Walk walk = new Walk(organization, query, range, offset, budget);
    for (Span span : spans) {
      walk.readAhead(span);
    }
    Optional<Location> found = Optional.empty();
    for (Span span : spans) {
      found = walk.pass(span);
      if (found.isPresent()) {
        break;
      }
    }
    ReadStats unused = walk.awaitUnused();
    Location location = found.orElseGet(() -> new Location(Optional.empty(), 0, walk.stats, walk.indexStats));
    return new Location(
        location.remainder(), location.skipWithin(), location.stats().plus(unused), location.indexStats());
  }

  /** The range cut into spans, oldest first: partial hours and fresh time counted in the index, whole units not. */
  private List<Span> spans(CreatedRange range) {
    Instant from = range.lowest();
    Instant until = range.highest().plusNanos(1);
    Instant fresh = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(FRESH);
    List<Span> spans = new ArrayList<>();
    Instant olderUntil = until.isBefore(fresh) ? until : fresh;
    if (from.isBefore(olderUntil)) {
      Instant hoursFrom = JobCountTable.Level.HOUR.ceil(from);
      Instant hoursUntil = JobCountTable.Level.HOUR.floor(olderUntil);
      if (!hoursFrom.isBefore(hoursUntil)) {
        spans.add(new Span(from, olderUntil, Source.INDEX));
      } else {
        add(spans, from, hoursFrom, Source.INDEX);
        Instant daysFrom = JobCountTable.Level.DAY.ceil(hoursFrom);
        Instant daysUntil = JobCountTable.Level.DAY.floor(hoursUntil);
        if (!daysFrom.isBefore(daysUntil)) {
          add(spans, hoursFrom, hoursUntil, Source.HOURS);
        } else {
          add(spans, hoursFrom, daysFrom, Source.HOURS);
          add(spans, daysFrom, daysUntil, Source.DAYS);
          add(spans, daysUntil, hoursUntil, Source.HOURS);
        }
        add(spans, hoursUntil, olderUntil, Source.INDEX);
      }
    }
    Instant freshFrom = from.isAfter(fresh) ? from : fresh;
    add(spans, freshFrom, until, Source.INDEX);
    return spans;
  }

  private static void add(List<Span> spans, Instant from, Instant until, Source source) {
    if (from.isBefore(until)) {
      spans.add(new Span(from, until, source));
    }
  }

  private enum Source {
    INDEX,
    HOURS,
    DAYS
  }

  /** Creation times [from, until), counted as {@code source} says. */
  private record Span(Instant from, Instant until, Source source) {}

  /** One walk down the listing, in its order, with the jobs still to pass before the offset. */
  private final class Walk {
    private final String organization;
    private final EvaluationQuery query;
    private final CreatedRange range;
    private final String partition;
    private final ReadBudget budget;
    private long remaining;
    private ReadStats stats = ReadStats.NONE;
    /** Index counting only: counter items are small and bounded by the range's span, not by its jobs. */
    private ReadStats indexStats = ReadStats.NONE;
    /** First requests of counter spans, made before the walk reaches them; removed as the walk uses them. */
    private final Map<Span, CompletableFuture<CreationCounters.Batch>> readAhead = new HashMap<>();

    Walk(String organization, EvaluationQuery query, CreatedRange range, long offset, ReadBudget budget) {
      this.organization = organization;
      this.query = query;
      this.range = range;
      this.partition = JobCountTable.partition(organization, query.status(), query.judgeId());
      this.budget = budget;
      this.remaining = offset;
    }

    /** Starts reading {@code span}'s counters, if it has any, so the walk finds them read when it gets there. */
    void readAhead(Span span) {
      if (span.source() != Source.INDEX) {
        CreationCounters.Span counted = counterSpan(level(span.source()), span);
        readAhead.put(span, CompletableFuture.supplyAsync(() -> counters.first(counted), ahead));
      }
    }

    /**
     * Waits for the reads made ahead that the walk did not need and returns what they cost: they were read, so they
     * are counted; one that failed is not needed either.
     */
    ReadStats awaitUnused() {
      ReadStats unused = ReadStats.NONE;
      for (CompletableFuture<CreationCounters.Batch> read : readAhead.values()) {
        unused = unused.plus(read.handle((batch, failure) -> batch == null ? ReadStats.NONE : batch.stats()).join());
      }
      readAhead.clear();
      return unused;
    }

    Optional<Location> pass(Span span) {
      Optional<Location> found;
      switch (span.source()) {
        case INDEX:
          found = passCounted(span.from(), span.until(), countInIndex(span.from(), span.until()));
          break;
        case HOURS:
          found = passCounters(JobCountTable.Level.HOUR, span);
          break;
        default:
          found = passDays(span);
          break;
      }
      return found;
    }

    private Optional<Location> passDays(Span span) {
      return visitCounters(JobCountTable.Level.DAY, span, (start, n) -> {
        if (remaining >= n) {
          remaining -= n;
          return Optional.empty();
        }
        if (n <= DAY_SKIPPED_IN_INDEX) {
          return passCounted(start, JobCountTable.Level.DAY.next(start), n);
        }
        // A day's hours that hold fewer than its counter says (a counter mid-update) are passed, and the walk goes on.
        return passCounters(JobCountTable.Level.HOUR, new Span(start, JobCountTable.Level.DAY.next(start), Source.HOURS));
      });
    }

    private Optional<Location> passCounters(JobCountTable.Level level, Span span) {
      return visitCounters(level, span, (start, n) -> passCounted(start, level.next(start), n));
    }

    private CreationCounters.Span counterSpan(JobCountTable.Level level, Span span) {
      return new CreationCounters.Span(partition, level, span.from(), span.until(), query.ascending(), true);
    }

    /** Passes [from, until) holding {@code count} jobs, or stops in it when the offset falls there. */
    private Optional<Location> passCounted(Instant from, Instant until, long count) {
      if (remaining >= count) {
        remaining -= count;
        return Optional.empty();
      }
      // The unit and everything after it in the listing's order, to the range's end.
      Instant last = until.minusNanos(1);
      CreatedRange rest =
          query.ascending()
              ? new CreatedRange(from.isAfter(range.lowest()) ? from : range.lowest(), range.highest())
              : new CreatedRange(range.lowest(), last.isBefore(range.highest()) ? last : range.highest());
      return Optional.of(new Location(Optional.of(rest), remaining, stats, indexStats));
    }

    private long countInIndex(Instant from, Instant until) {
      IndexQuery part = EvaluationTable.listing(jobsTable, organization, query, new CreatedRange(from, until.minusNanos(1)));
      ReadBudget left =
          budget.remainingAfter(indexStats)
              .orElseThrow(() -> new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING));
      SkipResult counted = indexReader.skip(part, Long.MAX_VALUE, left);
      indexStats = indexStats.plus(counted.stats());
      stats = stats.plus(counted.stats());
      if (!counted.exhausted()) {
        throw new ReadBoundExceededException(ReadBoundExceededException.Stage.SKIPPING);
      }
      return counted.skipped();
    }

    /** Visits the non-empty counters of {@code level} in {@code span} in the listing's order, until one finds. */
    private Optional<Location> visitCounters(JobCountTable.Level level, Span span, UnitVisitor visitor) {
      List<Location> found = new ArrayList<>(1);
      CompletableFuture<CreationCounters.Batch> readFirst = readAhead.remove(span);
      CreationCounters.Batch first =
          readFirst != null ? EvaluationPageReader.joined(readFirst) : counters.first(counterSpan(level, span));
      ReadStats read =
          counters.visit(first, (start, n) -> {
            visitor.visit(start, n).ifPresent(found::add);
            return !found.isEmpty();
          });
      stats = stats.plus(read);
      // The location was taken before this read's cost was known: it carries the walk's cost so far, now updated.
      return found.isEmpty()
          ? Optional.empty()
          : Optional.of(new Location(found.get(0).remainder(), found.get(0).skipWithin(), stats, indexStats));
    }
  }

  private static JobCountTable.Level level(Source source) {
    return source == Source.DAYS ? JobCountTable.Level.DAY : JobCountTable.Level.HOUR;
  }

  /** Looks at one unit's count: passes it, or finds the offset in it. */
  @FunctionalInterface
  private interface UnitVisitor {
    Optional<Location> visit(Instant unitStart, long count);
  }
}
