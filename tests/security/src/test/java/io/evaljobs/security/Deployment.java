package io.evaljobs.security;

import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.ListEvaluationsHandler;
import io.evaljobs.paging.PageTokens;
import io.evaljobs.paging.TokenKeyring;
import io.evaljobs.scoring.ListScoringJobsHandler;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables of template.yaml on one DynamoDB endpoint, and list handlers wired to them as in production. */
final class Deployment {
  static final String EVALUATIONS_ENDPOINT = "evaluations";
  static final String SCORING_ENDPOINT = "scoring-jobs";

  private final DynamoDbClient dynamo;
  private final Map<String, String> tableNames;
  private final Map<String, String> tokenEnvironment;

  private Deployment(DynamoDbClient dynamo, Map<String, String> tableNames, Map<String, String> tokenEnvironment) {
    this.dynamo = dynamo;
    this.tableNames = tableNames;
    this.tokenEnvironment = tokenEnvironment;
  }

  /** Creates every table of the template (if missing) under its logical id. */
  static Deployment on(DynamoDbClient dynamo) {
    Map<String, String> names = TableProvisioner.createAll(dynamo, TemplateTables.load(), logicalId -> logicalId);
    return new Deployment(
        dynamo, names, Map.of("PAGE_TOKEN_KEYS", TokenKeyring.generateSpec("k1", new SecureRandom())));
  }

  /** The same deployment's token keys and table names on another client (such as a new server on the same port). */
  Deployment withClient(DynamoDbClient other) {
    TableProvisioner.createAll(other, TemplateTables.load(), logicalId -> logicalId);
    return new Deployment(other, tableNames, tokenEnvironment);
  }

  DynamoDbClient dynamo() {
    return dynamo;
  }

  String evaluationsTable() {
    return tableNames.get(EvaluationTable.LOGICAL_ID);
  }

  String scoringTable() {
    return tableNames.get(ScoringJobTable.LOGICAL_ID);
  }

  ListEvaluationsHandler evaluationsHandler() {
    return evaluationsHandler(dynamo);
  }

  ListEvaluationsHandler evaluationsHandler(DynamoDbClient client) {
    return new ListEvaluationsHandler(
        client, evaluationsTable(), PageTokens.fromEnvironment(tokenEnvironment, EVALUATIONS_ENDPOINT));
  }

  ListScoringJobsHandler scoringHandler() {
    return scoringHandler(dynamo);
  }

  ListScoringJobsHandler scoringHandler(DynamoDbClient client) {
    return new ListScoringJobsHandler(
        client, scoringTable(), PageTokens.fromEnvironment(tokenEnvironment, SCORING_ENDPOINT));
  }
}
