package io.evaljobs.local.counts;

import io.evaljobs.aws.AwsEnvironment;
import io.evaljobs.counts.JobChange;
import io.evaljobs.counts.JobCountWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the evaluations table's stream into the counts where no Lambda event source mapping does it: the local
 * API, the tests and the benchmark against DynamoDB Local. Shards are read from the oldest record, a child only
 * after its parent, each record once per poller (and, should two pollers overlap, counted once by the ledger). A
 * shard counts as caught up at its first empty read, which holds for DynamoDB Local; it is not a general consumer
 * of DynamoDB Streams in AWS, where Lambda's event source mapping does this.
 */
public final class EvaluationCountsPoller implements AutoCloseable {
  private static final int RECORDS_PER_READ = 1_000;

  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String jobsTable;
  private final JobCountWriter writer;
  private final Map<String, String> iterators = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, String> lastRead = new HashMap<>();
  private Thread background;
  private volatile boolean closed;

  public EvaluationCountsPoller(
      DynamoDbClient dynamo, DynamoDbStreamsClient streams, String jobsTable, String countsTable) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.jobsTable = jobsTable;
    this.writer = new JobCountWriter(dynamo, countsTable, Clock.systemUTC());
  }

  /** A DynamoDB Streams client for a local endpoint (DynamoDB Local as a server, LocalStack). */
  public static DynamoDbStreamsClient streamsClient(URI endpoint, String region) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(AwsEnvironment.localCredentials())
        .httpClient(AwsEnvironment.httpClient())
        .build();
  }

  /**
   * Counts every record the stream holds now and returns when a pass over all shards found nothing new.
   *
   * @return the number of stream records read
   */
  public synchronized long drain() {
    String streamArn =
        Optional.ofNullable(dynamo.describeTable(b -> b.tableName(jobsTable)).table().latestStreamArn())
            .orElseThrow(() -> new IllegalStateException(jobsTable + " has no stream"));
    long total = 0;
    long read;
    int finishedBefore;
    do {
      read = 0;
      finishedBefore = finished.size();
      List<Shard> shards = shards(streamArn);
      Set<String> listed = new HashSet<>();
      shards.forEach(shard -> listed.add(shard.shardId()));
      for (Shard shard : shards) {
        String id = shard.shardId();
        // A parent that has aged out of the stream is not listed and holds nothing left to read.
        String parent = shard.parentShardId();
        boolean parentPending = parent != null && listed.contains(parent) && !finished.contains(parent);
        if (finished.contains(id) || parentPending) {
          continue;
        }
        read += readShard(streamArn, id);
      }
      total += read;
    } while (read > 0 || finished.size() > finishedBefore);
    return total;
  }

  /** Drains every {@code interval} on a daemon thread until closed. */
  public synchronized void startPolling(Duration interval) {
    if (background != null) {
      return;
    }
    background = new Thread(() -> {
      while (!closed) {
        try {
          drain();
        } catch (RuntimeException e) {
          if (closed) {
            return;
          }
          System.err.println("evaluation counts: stream read failed, retrying: " + e);
        }
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "evaluation-counts-poller");
    background.setDaemon(true);
    background.start();
  }

  private List<Shard> shards(String streamArn) {
    List<Shard> shards = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      StreamDescription description =
          streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
      shards.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    return shards;
  }

  private long readShard(String streamArn, String shardId) {
    String iterator = iterators.get(shardId);
    if (iterator == null) {
      iterator = freshIterator(streamArn, shardId);
    }
    long read = 0;
    while (true) {
      String current = iterator;
      GetRecordsResponse response;
      try {
        response = streams.getRecords(b -> b.shardIterator(current).limit(RECORDS_PER_READ));
      } catch (ExpiredIteratorException e) {
        // Iterators expire after a while idle; resume after the last record read.
        iterator = freshIterator(streamArn, shardId);
        continue;
      }
      List<JobChange> changes = new ArrayList<>();
      for (Record record : response.records()) {
        JobChange.of(
                record.dynamodb().sequenceNumber(), record.dynamodb().keys(), record.dynamodb().oldImage(),
                record.dynamodb().newImage())
            .ifPresent(changes::add);
      }
      writer.apply(changes);
      read += response.records().size();
      if (!response.records().isEmpty()) {
        lastRead.put(shardId, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
      }
      iterator = response.nextShardIterator();
      if (iterator == null) {
        finished.add(shardId);
        iterators.put(shardId, "");
        return read;
      }
      iterators.put(shardId, iterator);
      if (response.records().isEmpty()) {
        return read;
      }
    }
  }

  private String freshIterator(String streamArn, String shardId) {
    String after = lastRead.get(shardId);
    return streams.getShardIterator(b -> {
          b.streamArn(streamArn).shardId(shardId);
          if (after == null) {
            b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
          } else {
            b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
          }
        })
        .shardIterator();
  }

  @Override
  public void close() {
    closed = true;
    Thread thread;
    synchronized (this) {
      thread = background;
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}
