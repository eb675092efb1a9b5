package io.evaljobs.evaluations;

import io.evaljobs.dynamodb.KeyParts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one description of the evaluation counts table's item layout: the counters {@code total_count} is read from,
 * and the per-job ledger that makes applying a stream record idempotent.
 *
 * <p>A counter's partition names a family of listings: the organization with a status or {@code *} and a judge id
 * or {@code *} ({@code =} marks a given judge, so a judge literally named {@code *} stays distinct). Its sort key
 * is {@code all}, or a UTC day ({@code d#2024-01-14}) or hour ({@code h#2024-01-14T05}) of creation, holding the
 * number of jobs {@code n}. A ledger item ({@code organization#job_id}, {@code ledger}) holds what the counters
 * count of that job ({@code state}: its status, judge and creation time, or {@code -} for nothing) and the
 * zero-padded sequence number of the last stream record counted for it ({@code seq}; all zeros when the state was
 * counted by a backfill rather than from the stream).
 *
 * <p>The list function reads it; the counts function ({@code io.evaljobs.counts}) and the CLI's backfill write it,
 * through the public members here.
 */
public final class JobCountTable {
  /** The table's logical id in template.yaml. */
  public static final String LOGICAL_ID = "EvaluationCountsTable";

  static final String PK = "pk";
  static final String SK = "sk";
  public static final String N = "n";
  public static final String SEQUENCE = "seq";
  public static final String STATE = "state";
  public static final String EXPIRES_AT = "expires_at";

  static final String ALL = "all";
  static final String LEDGER = "ledger";
  private static final String ANY = "*";
  private static final String GIVEN = "=";
  /** Stream sequence numbers have 21 to 40 digits; padded, they compare as strings the way they do as numbers. */
  private static final int SEQUENCE_WIDTH = 40;

  /** A span of creation times with a counter per job family, finest first. */
  enum Level {
    HOUR("h#", ChronoUnit.HOURS, "uuuu-MM-dd'T'HH"),
    DAY("d#", ChronoUnit.DAYS, "uuuu-MM-dd");

    private final String prefix;
    private final ChronoUnit unit;
    private final DateTimeFormatter format;

    Level(String prefix, ChronoUnit unit, String pattern) {
      this.prefix = prefix;
      this.unit = unit;
      this.format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    String bucket(Instant instant) {
      return prefix + format.format(instant);
    }

    Instant floor(Instant instant) {
      return instant.truncatedTo(unit);
    }

    Instant ceil(Instant instant) {
      Instant floor = floor(instant);
      return floor.equals(instant) ? instant : floor.plus(1, unit);
    }

    Instant previous(Instant instant) {
      return instant.minus(1, unit);
    }

    Instant next(Instant instant) {
      return instant.plus(1, unit);
    }

    /** The first instant of the unit a {@link #bucket} names. */
    Instant start(String bucket) {
      if (!bucket.startsWith(prefix)) {
        throw new IllegalArgumentException("not a " + name().toLowerCase(Locale.ROOT) + " bucket: " + bucket);
      }
      String text = bucket.substring(prefix.length());
      return this == HOUR
          ? LocalDateTime.parse(text + ":00").toInstant(ZoneOffset.UTC)
          : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private JobCountTable() {}

  /** The counter family of the listings filtered by {@code status} and {@code judgeId} (empty: not filtered). */
  static String partition(String organization, Optional<EvaluationStatus> status, Optional<String> judgeId) {
    return KeyParts.join(
        organization, status.map(EvaluationStatus::wireName).orElse(ANY), judgeId.map(j -> GIVEN + j).orElse(ANY));
  }

  /** Every counter {@code job} adds one to: four families, each in total and at every level. */
  public static List<CounterKey> countersOf(CountedJob job) {
    List<CounterKey> keys = new ArrayList<>(4 * (1 + Level.values().length));
    List<Optional<EvaluationStatus>> statuses = List.of(Optional.empty(), Optional.of(job.status()));
    List<Optional<String>> judges =
        job.judgeId().isPresent() ? List.of(Optional.empty(), job.judgeId()) : List.of(Optional.empty());
    for (Optional<EvaluationStatus> status : statuses) {
      for (Optional<String> judge : judges) {
        String partition = partition(job.organization(), status, judge);
        keys.add(new CounterKey(partition, ALL));
        for (Level level : Level.values()) {
          keys.add(new CounterKey(partition, level.bucket(job.createdAt())));
        }
      }
    }
    return keys;
  }

  public static Map<String, AttributeValue> ledgerKey(String organization, String jobId) {
    return Map.of(
        PK, AttributeValue.fromS(KeyParts.join(organization, jobId)), SK, AttributeValue.fromS(LEDGER));
  }

  /** Older than every stream record: the sequence of a ledger a backfill wrote. */
  public static final String BEFORE_ANY_RECORD = "0".repeat(SEQUENCE_WIDTH);
  private static final String NOTHING = "-";

  /** The ledger's {@code state} of a job as counted: what {@link #countersOf} needs, and nothing for no job. */
  public static String state(Optional<CountedJob> job) {
    return job.map(j -> KeyParts.join(
            j.status().wireName(), j.judgeId().map(judge -> GIVEN + judge).orElse(ANY), j.createdAt().toString()))
        .orElse(NOTHING);
  }

  /** The job a ledger's {@code state} describes; empty for nothing (or no ledger). */
  public static Optional<CountedJob> stateOf(String organization, String jobId, Optional<String> state) {
    if (state.isEmpty() || state.get().equals(NOTHING)) {
      return Optional.empty();
    }
    List<String> parts = KeyParts.split(state.get());
    if (parts.size() != 3) {
      throw new IllegalStateException("ledger state is not in the expected layout");
    }
    EvaluationStatus status =
        EvaluationStatus.fromWire(parts.get(0))
            .orElseThrow(() -> new IllegalStateException("ledger state names an unknown status"));
    Optional<String> judge =
        parts.get(1).startsWith(GIVEN) ? Optional.of(parts.get(1).substring(GIVEN.length())) : Optional.empty();
    return Optional.of(new CountedJob(organization, jobId, status, judge, Instant.parse(parts.get(2))));
  }

  /** A stream sequence number in the ledger's comparable form. */
  public static String sequence(String streamSequenceNumber) {
    if (streamSequenceNumber.isEmpty()
        || streamSequenceNumber.length() > SEQUENCE_WIDTH
        || !streamSequenceNumber.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a stream sequence number: " + streamSequenceNumber);
    }
    return "0".repeat(SEQUENCE_WIDTH - streamSequenceNumber.length()) + streamSequenceNumber;
  }
}
