package io.evaljobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.auth.ApiKeyRecord;
import io.evaljobs.auth.ApiKeys;
import io.evaljobs.auth.ApiName;
import io.evaljobs.cli.imports.ScoringJobLine;
import io.evaljobs.evaluations.EvaluationJob;
import io.evaljobs.evaluations.EvaluationJobJson;
import io.evaljobs.evaluations.EvaluationStatus;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import io.evaljobs.evaluations.Percentage;
import io.evaljobs.http.Json;
import io.evaljobs.scoring.ScoringJob;
import io.evaljobs.scoring.ScoringJobTable;
import io.evaljobs.tables.EmbeddedDynamoDb;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

class ImportIT {
  private static EmbeddedDynamoDb dynamo;
  private static Map<String, String> tables;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    dynamo = EmbeddedDynamoDb.start();
    tables = TableProvisioner.createAll(dynamo.client(), TemplateTables.load(), logicalId -> "it-" + logicalId);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  /** Runs the command line against the embedded DynamoDB Local. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine commandLine = EvaljobsCli.commandLine(new EvaljobsCli((endpoint, region) -> dynamo.client()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void importEvaluations_randomFileWithBadLinesAndDuplicates_storesEveryGoodLineAndReportsBadOnesByNumber()
      throws IOException {
    Random random = new Random(2026);
    Map<String, EvaluationJob> expected = new LinkedHashMap<>();
    List<Long> badLines = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= 400; n++) {
      if (random.nextInt(25) == 0) {
        lines.add(random.nextBoolean() ? "{\"job_id\":\"x\",\"status\":\"exploded\"}" : "{not json");
        badLines.add((long) n);
        continue;
      }
      // Few ids among many lines: duplicates land in the same batch; the last line of an id wins.
      EvaluationJob job = evaluation(random, "job-" + random.nextInt(300));
      expected.put(job.jobId(), job);
      lines.add(Json.write(json -> EvaluationJobJson.write(json, job)));
    }
    Path file = dir.resolve("evaluations.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);

    Run run =
        run("import", "evaluations", "--organization", "acme", "--table", tables.get(EvaluationTable.LOGICAL_ID),
            file.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(badLines, rejectedLines(run.err()));
    assertTrue(run.err().contains("done: read " + lines.size() + ", written " + (lines.size() - badLines.size())
        + ", rejected " + badLines.size()), run.err());
    String table = tables.get(EvaluationTable.LOGICAL_ID);
    for (EvaluationJob job : expected.values()) {
      Map<String, AttributeValue> stored = get(table, EvaluationTable.toItem("acme", job));
      assertEquals(job, EvaluationTable.fromItem(stored));
    }
  }

  @Test
  void importEvaluations_numbersAsWritten_areStoredAndListedAsTheSameJsonNumbers() throws IOException {
    List<String> imported = List.of("40", "40.0", "12.50", "7.125", "1e1", "0", "100");
    List<String> listed = List.of("40", "40", "12.5", "7.125", "10", "0", "100");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < imported.size(); i++) {
      lines.add("{\"job_id\":\"num-" + i + "\",\"status\":\"processing\",\"created_at\":\"2026-01-0" + (i + 1)
          + "\",\"total_items\":40,\"processed_items\":16,\"failed_items\":0,\"progress_percentage\":"
          + imported.get(i) + "}");
    }
    Path file = dir.resolve("numbers.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    String table = tables.get(EvaluationTable.LOGICAL_ID);

    Run run = run("import", "evaluations", "--organization", "numbers", "--table", table, file.toString());

    assertEquals(0, run.exitCode(), run.err());
    for (int i = 0; i < imported.size(); i++) {
      Map<String, AttributeValue> stored = get(table, Map.of(
          "organization", AttributeValue.fromS("numbers"), "job_id", AttributeValue.fromS("num-" + i)));
      assertEquals(listed.get(i), stored.get("progress_percentage").n(), imported.get(i));
      String written = Json.write(json -> EvaluationJobJson.write(json, EvaluationTable.fromItem(stored)));
      assertTrue(written.contains("\"total_items\":40,\"processed_items\":16,\"failed_items\":0,"
          + "\"progress_percentage\":" + listed.get(i) + ","), written);
      assertTrue(written.contains("\"created_at\":\"2026-01-0" + (i + 1) + "T00:00:00Z\""), written);
    }
  }

  @Test
  void countsBackfill_afterAnImportNoStreamCounted_countsEachJobOnceAndAgainNone() throws IOException {
    Path file = dir.resolve("backfill.jsonl");
    Random random = new Random(7);
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      EvaluationJob job = evaluation(random, "backfill-" + n);
      lines.add(Json.write(json -> EvaluationJobJson.write(json, job)));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    String table = tables.get(EvaluationTable.LOGICAL_ID);
    assertEquals(0, run("import", "evaluations", "--organization", "backfill-org", "--table", table,
        file.toString()).exitCode());
    long jobs = dynamo.client().scan(b -> b.tableName(table).select(Select.COUNT)).count();

    String[] backfill = {"counts", "backfill", "--table", table,
        "--counts-table", tables.get(JobCountTable.LOGICAL_ID)};
    Run first = run(backfill);
    Run second = run(backfill);

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("scanned " + jobs + " items: counted " + jobs + " jobs, 0 were counted already"),
        first.out());
    assertTrue(second.out().contains("counted 0 jobs, " + jobs + " were counted already"), second.out());
  }

  @Test
  void importScoringJobs_eachLineGoesToItsOwnTenant_allWrittenExitsZero() throws IOException {
    List<String> lines = new ArrayList<>();
    Instant base = Instant.parse("2026-03-01T10:00:00Z");
    for (int n = 0; n < 60; n++) {
      String customer = n % 2 == 0 ? "cust-a" : "cust-b";
      Instant created = base.plusSeconds(n);
      int turn = n;
      lines.add(Json.write(json -> {
        json.writeStartObject();
        json.writeStringField("job_id", "s-" + turn);
        json.writeObjectFieldStart("agent_identity_context");
        json.writeStringField("customer_id", customer);
        json.writeStringField("project_id", "p");
        json.writeStringField("agent_name", "bot");
        json.writeNumberField("agent_turn", turn);
        json.writeEndObject();
        json.writeStringField("module", "judge/groundedness");
        json.writeStringField("status", "completed");
        json.writeNumberField("score", turn % 11);
        json.writeStringField("created_at", created.toString());
        json.writeEndObject();
      }));
    }
    Path file = dir.resolve("scoring.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);

    Run run = run("import", "scoring-jobs", "--table", tables.get(ScoringJobTable.LOGICAL_ID), file.toString());

    assertEquals(0, run.exitCode(), run.err());
    String table = tables.get(ScoringJobTable.LOGICAL_ID);
    for (String line : lines) {
      ScoringJob job = ScoringJobLine.parse(line, Instant.EPOCH);
      assertEquals(job, ScoringJobTable.fromItem(get(table, ScoringJobTable.toItem(job))));
    }
  }

  @Test
  void importScoringJobs_linesOfAnotherShape_areEachReportedWithTheirNumberAndFieldWhileTheOthersAreWritten()
      throws IOException {
    String good = "{\"job_id\":\"ok-%d\",\"agent_identity_context\":{\"customer_id\":\"shape\","
        + "\"project_id\":\"p\"},\"module\":\"m\",\"status\":\"submitted\"}";
    List<String> lines = List.of(
        String.format(good, 1),
        "{\"job_id\":\"bad-2\",\"agent_identity_context\":{\"customer_id\":\"shape\",\"project_id\":\"p\","
            + "\"agent\":\"x\"},\"module\":\"m\",\"status\":\"submitted\"}",
        String.format(good, 3),
        "{\"job_id\":\"bad-4\",\"agent_identity_context\":{\"customer_id\":\"shape\",\"project_id\":\"p\","
            + "\"agent_turn\":\"3\"},\"module\":\"m\",\"status\":\"submitted\"}",
        "{\"job_id\":\"bad-5\",\"job_id\":\"again\",\"agent_identity_context\":{\"customer_id\":\"shape\","
            + "\"project_id\":\"p\"},\"module\":\"m\",\"status\":\"submitted\"}",
        String.format(good, 6));
    Path file = dir.resolve("shapes.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    String table = tables.get(ScoringJobTable.LOGICAL_ID);

    Run run = run("import", "scoring-jobs", "--table", table, file.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("line 2: rejected: unknown field agent_identity_context.agent\n"), run.err());
    assertTrue(run.err().contains("line 4: rejected: agent_identity_context.agent_turn must be a number\n"),
        run.err());
    assertTrue(run.err().contains("line 5: rejected: ") && run.err().contains("'job_id'"), run.err());
    assertEquals(List.of(2L, 4L, 5L), rejectedLines(run.err()));
    for (String line : List.of(lines.get(0), lines.get(2), lines.get(5))) {
      ScoringJob job = ScoringJobLine.parse(line, Instant.EPOCH);
      assertEquals(job.jobId(), ScoringJobTable.fromItem(get(table, ScoringJobTable.toItem(job))).jobId());
    }
  }

  @Test
  void importWithoutOrganizationOrFile_isAUsageError() {
    assertEquals(2, run("import", "evaluations", "x.jsonl").exitCode());
    assertEquals(2, run("import", "evaluations", "--organization", "acme",
        dir.resolve("missing.jsonl").toString()).exitCode());
    assertEquals(2, run("import", "scoring-jobs").exitCode());
  }

  @Test
  void keys_createListRevoke_neverListsTheSecret() {
    String table = tables.get("ApiKeysTable");
    Run created = run("keys", "create", "--api", "scoring", "--customer-id", "c", "--project-id", "p", "--name",
        "ci", "--table", table);
    assertEquals(0, created.exitCode(), created.err());
    Matcher key = Pattern.compile("api key: (\\S+)").matcher(created.out());
    Matcher id = Pattern.compile("key id:\\s+(\\S+)").matcher(created.out());
    assertTrue(key.find() && id.find(), created.out());

    Run listed = run("keys", "list", "--api", "scoring", "--table", table);
    assertEquals(0, listed.exitCode());
    assertTrue(listed.out().contains(id.group(1)) && listed.out().contains("active"), listed.out());
    assertTrue(!listed.out().contains(key.group(1)), "the list never shows a key");

    assertEquals(0, run("keys", "revoke", id.group(1), "--table", table).exitCode());
    assertEquals(1, run("keys", "revoke", "no-such-key", "--table", table).exitCode());
    List<ApiKeyRecord> records = new ApiKeys(dynamo.client(), table).list(ApiName.SCORING);
    assertTrue(records.stream().anyMatch(r -> r.keyId().equals(id.group(1)) && r.revoked()));

    assertEquals(2, run("keys", "create", "--api", "scoring", "--organization", "o", "--table", table).exitCode());
    assertEquals(2, run("keys", "create", "--api", "nope", "--organization", "o", "--table", table).exitCode());
  }

  @Test
  void keys_createWithExpiry_listsTheExpiryAndRevokesAtOnce() {
    String table = tables.get("ApiKeysTable");
    Instant before = Instant.now();
    Run created = run("keys", "create", "--api", "evaluations", "--organization", "acme", "--expires-in", "90d",
        "--table", table);
    assertEquals(0, created.exitCode(), created.err());
    Matcher id = Pattern.compile("key id:\\s+(\\S+)").matcher(created.out());
    Matcher expires = Pattern.compile("expires:\\s+(\\S+)").matcher(created.out());
    assertTrue(id.find() && expires.find(), created.out());
    Instant expiry = Instant.parse(expires.group(1));
    assertTrue(!expiry.isBefore(before.plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.MICROS))
        && !expiry.isAfter(Instant.now().plus(Duration.ofDays(90))), expiry.toString());

    Run dated = run("keys", "create", "--api", "evaluations", "--organization", "acme", "--expires-at",
        "2999-01-31", "--table", table);
    assertEquals(0, dated.exitCode(), dated.err());
    assertTrue(dated.out().contains("expires: 2999-01-31T00:00:00Z"), dated.out());

    Run listed = run("keys", "list", "--api", "evaluations", "--table", table);
    assertTrue(listed.out().lines().findFirst().orElseThrow().endsWith("\tEXPIRES"), listed.out());
    String line = listed.out().lines().filter(l -> l.startsWith(id.group(1) + "\t")).findFirst().orElseThrow();
    assertTrue(line.endsWith("\tactive\t" + line.split("\t")[4] + "\t" + expiry), line);
    assertTrue(listed.out().contains("\t2999-01-31T00:00:00Z"), listed.out());

    // Straight after create: the key id item is read by its primary key, no index lag to wait for.
    assertEquals(0, run("keys", "revoke", id.group(1), "--table", table).exitCode());
    assertTrue(new ApiKeys(dynamo.client(), table).list(ApiName.EVALUATIONS).stream()
        .anyMatch(r -> r.keyId().equals(id.group(1)) && r.revoked()));
  }

  @Test
  void keys_createWithABadOrPastExpiry_isAUsageErrorAndStoresNothing() {
    String table = tables.get("ApiKeysTable");
    int before = new ApiKeys(dynamo.client(), table).list(ApiName.SCORING).size();
    for (List<String> expiry : List.of(List.of("--expires-in", "90"), List.of("--expires-at", "yesterday"),
        List.of("--expires-at", "2001-01-01"), List.of("--expires-in", "1d", "--expires-at", "2999-01-01"))) {
      List<String> args = new java.util.ArrayList<>(List.of("keys", "create", "--api", "scoring", "--customer-id",
          "c", "--project-id", "p", "--table", table));
      args.addAll(expiry);
      Run run = run(args.toArray(String[]::new));
      assertEquals(2, run.exitCode(), expiry + ": " + run.err());
      assertTrue(run.err().contains("--expires-"), run.err());
    }
    assertEquals(before, new ApiKeys(dynamo.client(), table).list(ApiName.SCORING).size());
  }

  @Test
  void tablesCreate_isIdempotentAndPrefixesNames() {
    Run first = run("tables", "create", "--prefix", "dev-");
    Run second = run("tables", "create", "--prefix", "dev-");
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(first.out().contains("EvaluationsTable\tdev-EvaluationsTable"), first.out());
  }

  private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> item) {
    DynamoDbClient client = dynamo.client();
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (KeySchemaElement element : client.describeTable(b -> b.tableName(table)).table().keySchema()) {
      key.put(element.attributeName(), item.get(element.attributeName()));
    }
    Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(table).key(key)).item();
    assertTrue(stored != null && !stored.isEmpty(), "stored: " + key);
    return stored;
  }

  private static List<Long> rejectedLines(String err) {
    TreeSet<Long> lines = new TreeSet<>();
    Matcher matcher = Pattern.compile("line (\\d+): rejected: ").matcher(err);
    while (matcher.find()) {
      lines.add(Long.parseLong(matcher.group(1)));
    }
    return new ArrayList<>(lines);
  }

  private static EvaluationJob evaluation(Random random, String jobId) {
    EvaluationStatus status = EvaluationStatus.values()[random.nextInt(EvaluationStatus.values().length)];
    Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(10_000_000));
    boolean finished = status == EvaluationStatus.COMPLETED || status == EvaluationStatus.FAILED;
    long total = 1 + random.nextInt(1000);
    return new EvaluationJob(
        jobId,
        status,
        OptionalLong.of(total),
        OptionalLong.of(finished ? total : random.nextInt((int) total)),
        OptionalLong.of(random.nextInt(3)),
        Optional.of(Percentage.of(random.nextInt(1001) / 10.0)),
        random.nextBoolean() ? Optional.of("judge-" + random.nextInt(4)) : Optional.empty(),
        Optional.of("Judge"),
        created,
        Optional.of(created.plusSeconds(60)),
        finished ? Optional.of(created.plusSeconds(3600)) : Optional.empty(),
        Optional.empty(),
        random.nextBoolean() ? Optional.of("high") : Optional.empty());
  }
}
