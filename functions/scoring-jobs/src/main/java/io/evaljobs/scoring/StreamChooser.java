package io.evaljobs.scoring;

import java.util.List;
import java.util.OptionalLong;

/**
 * Picks, read after read, the stream of a listing that resolves the most of it per item examined, and how many
 * items to ask of it. Density is measured, never assumed: seconds of creation time a read resolved per item it
 * examined, from the stream's latest read only, since density changes along a listing (an agent busy last week, a
 * tool busy today). The rules, for a listing with several streams:
 *
 * <ol>
 *   <li>Every stream is probed once, with {@link PageWorkBounds#PROBE_ITEMS}, in ranking order; a stream first read
 *       from the top of the listing (where a read resolves no known span) is probed once more to be measured.
 *   <li>The sparsest stream as measured is read, with a Limit doubling from read to read.
 *   <li>When that stream turns at least twice as dense as at its read before, or every
 *       {@link PageWorkBounds#REPROBE_EVERY} reads, the stream measured longest ago is probed again; the listing
 *       moves to another stream only when it measured at least twice as sparse (near-equal measures are noise, and
 *       a move restarts the Limit's growth).
 * </ol>
 *
 * A listing with one stream is read without probes: for the jobs still wanted when every item is one, else with a
 * doubling Limit. Mutable; one per response.
 */
final class StreamChooser {
  private final List<JobStream> streams;
  private final Measure[] measures;
  private int reads;
  private int current = -1;
  private long runLimit;
  private int readsSinceProbe;
  private boolean probing;

  StreamChooser(List<JobStream> streams) {
    this.streams = List.copyOf(streams);
    this.measures = new Measure[streams.size()];
    for (int i = 0; i < measures.length; i++) {
      measures[i] = new Measure();
    }
  }

  /** The index of the stream to read next. */
  int next() {
    probing = false;
    if (measures.length == 1) {
      current = 0;
      return 0;
    }
    for (int i = 0; i < measures.length; i++) {
      if (measures[i].reads == 0) {
        probing = true;
        return i;
      }
    }
    for (int i = 0; i < measures.length; i++) {
      if (measures[i].reads == 1 && measures[i].secondsPerItem < 0) {
        probing = true;
        return i;
      }
    }
    int sparsest = 0;
    for (int i = 1; i < measures.length; i++) {
      if (measures[i].secondsPerItem > measures[sparsest].secondsPerItem) {
        sparsest = i;
      }
    }
    if (current < 0 || measures[sparsest].secondsPerItem >= 2 * measures[current].secondsPerItem) {
      if (sparsest != current) {
        current = sparsest;
        runLimit = 0;
      }
    } else if (measures[current].turnedDense() || readsSinceProbe >= PageWorkBounds.REPROBE_EVERY) {
      probing = true;
      return measuredLongestAgoBesides(current);
    }
    return current;
  }

  /** The Limit of the next read of stream {@code s}, within the items left to the page. */
  int limit(int s, int jobsWanted, long itemsLeft) {
    long limit;
    if (!streams.get(s).filtered()) {
      limit = jobsWanted;
    } else if (probing) {
      limit = PageWorkBounds.PROBE_ITEMS;
    } else if (runLimit == 0) {
      limit = measures.length == 1 ? Math.max(PageWorkBounds.PROBE_ITEMS, jobsWanted) : 2 * PageWorkBounds.PROBE_ITEMS;
    } else {
      limit = measures[s].turnedDense() ? PageWorkBounds.PROBE_ITEMS : 2 * runLimit;
    }
    // Never much more than the match rate seen on the stream says the page still needs.
    limit = Math.min(limit, Math.max(PageWorkBounds.PROBE_ITEMS, measures[s].itemsFor(jobsWanted).orElse(limit)));
    return (int) Math.max(1, Math.min(Math.min(limit, PageWorkBounds.ITEMS_PER_REQUEST), itemsLeft));
  }

  /**
   * What a read of stream {@code s} with {@code limit} found: items examined, jobs matched, and the creation time it
   * resolved
   * (negative when unknown: a read from the top of the listing knows no upper end).
   */
  void record(int s, int limit, long examined, long matched, double secondsResolved) {
    Measure measure = measures[s];
    measure.reads++;
    measure.examined += examined;
    measure.matched += matched;
    measure.lastRead = ++reads;
    if (probing) {
      readsSinceProbe = 0;
    } else {
      runLimit = limit;
      readsSinceProbe++;
    }
    if (secondsResolved >= 0 && examined > 0) {
      measure.previousSecondsPerItem = measure.secondsPerItem;
      measure.secondsPerItem = secondsResolved / examined;
    }
  }

  private int measuredLongestAgoBesides(int excluded) {
    int oldest = -1;
    for (int i = 0; i < measures.length; i++) {
      if (i != excluded && (oldest < 0 || measures[i].lastRead < measures[oldest].lastRead)) {
        oldest = i;
      }
    }
    return oldest;
  }

  private static final class Measure {
    int reads;
    int lastRead;
    long examined;
    long matched;
    /** Unknown (negative) until measured: then never preferred over a measured stream. */
    double secondsPerItem = -1;
    double previousSecondsPerItem = -1;

    /** Items to examine for {@code jobs} more at the match rate seen so far, with a quarter to spare; none unseen. */
    OptionalLong itemsFor(int jobs) {
      return matched == 0
          ? OptionalLong.empty()
          : OptionalLong.of((long) Math.ceil(jobs * (double) examined / matched * 1.25));
    }

    /** The latest read found the stream at least twice as dense as the read before. */
    boolean turnedDense() {
      return previousSecondsPerItem > 0 && secondsPerItem * 2 <= previousSecondsPerItem;
    }
  }
}
