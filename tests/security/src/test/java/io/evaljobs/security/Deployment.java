package io.evaljobs.security;

import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.lambda.Environment;
import io.evaljobs.listing.DeployedPageTokens;
import io.evaljobs.local.counts.EvaluationCountsPoller;
import io.evaljobs.observability.RequestLogLine;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The tables of template.yaml on one DynamoDB endpoint, list handlers wired to them as in production, and the
 * evaluations table's stream applied to the counts as the stream function does in AWS.
 */
final class Deployment {
  static final String EVALUATIONS_ENDPOINT = "evaluations";
  static final String SCORING_ENDPOINT = "scoring-jobs";
  /** The contract's largest page, which a deployment serves unless configured lower. */
  static final int EVALUATIONS_MAX_LIMIT = 100;

  private final DynamoDbClient dynamo;
  private final Map<String, String> tableNames;
  private final Map<String, String> tokenEnvironment;
  /** One per database: it remembers how far it has read each shard, so each drain reads only what is new. */
  private final EvaluationCountsPoller counts;

  private Deployment(
      DynamoDbClient dynamo, DynamoDbStreamsClient streams, Map<String, String> tableNames,
      Map<String, String> tokenEnvironment) {
    this.dynamo = dynamo;
    this.tableNames = tableNames;
    this.tokenEnvironment = tokenEnvironment;
    this.counts =
        new EvaluationCountsPoller(
            dynamo, streams, tableNames.get(EvaluationTable.LOGICAL_ID), tableNames.get(JobCountTable.LOGICAL_ID));
  }

  /** Creates every table of the template (if missing) under its logical id in the embedded database. */
  static Deployment on(EmbeddedDynamoDb database) {
    return on(database.client(), database.streamsClient());
  }

  /** Creates every table of the template (if missing) under its logical id; {@code streams} reads the same database. */
  static Deployment on(DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
    Map<String, String> names = TableProvisioner.createAll(dynamo, TemplateTables.load(), logicalId -> logicalId);
    return new Deployment(
        dynamo, streams, names, Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("k1", new SecureRandom())));
  }

  /**
   * The same deployment's token keys and table names on another database reached through {@code other} and
   * {@code streams} (such as a new server on the same port), with its counts read from that database's stream.
   */
  Deployment withClient(DynamoDbClient other, DynamoDbStreamsClient streams) {
    TableProvisioner.createAll(other, TemplateTables.load(), logicalId -> logicalId);
    return new Deployment(other, streams, tableNames, tokenEnvironment);
  }

  DynamoDbClient dynamo() {
    return dynamo;
  }

  String evaluationsTable() {
    return tableNames.get(EvaluationTable.LOGICAL_ID);
  }

  String countsTable() {
    return tableNames.get(JobCountTable.LOGICAL_ID);
  }

  String scoringTable() {
    return tableNames.get(ScoringJobTable.LOGICAL_ID);
  }

  /**
   * Applies every evaluations change the stream holds to the counts, as the stream function would have by now:
   * {@code total_count} reflects jobs written before this call only.
   *
   * @return the stream records read
   */
  long countEvaluations() {
    return counts.drain();
  }

  /** Stores {@code data}'s evaluation jobs and counts them, so listings answer with their real totals. */
  void load(EvaluationData data) {
    data.writeTo(dynamo, evaluationsTable());
    countEvaluations();
  }

  ListEvaluationsHandler evaluationsHandler() {
    return evaluationsHandler(dynamo);
  }

  ListEvaluationsHandler evaluationsHandler(DynamoDbClient client) {
    return new ListEvaluationsHandler(
        client, evaluationsTable(), countsTable(),
        DeployedPageTokens.fromEnvironment(new Environment(tokenEnvironment), EVALUATIONS_ENDPOINT));
  }

  /** A handler whose request lines go to {@code requestLog}. */
  ListEvaluationsHandler evaluationsHandler(DynamoDbClient client, RequestLogLine requestLog) {
    return new ListEvaluationsHandler(
        client, evaluationsTable(), countsTable(),
        DeployedPageTokens.fromEnvironment(new Environment(tokenEnvironment), EVALUATIONS_ENDPOINT), EVALUATIONS_MAX_LIMIT, requestLog);
  }

  ListScoringJobsHandler scoringHandler() {
    return scoringHandler(dynamo);
  }

  ListScoringJobsHandler scoringHandler(DynamoDbClient client) {
    return new ListScoringJobsHandler(
        client, scoringTable(), DeployedPageTokens.fromEnvironment(new Environment(tokenEnvironment), SCORING_ENDPOINT));
  }
}
