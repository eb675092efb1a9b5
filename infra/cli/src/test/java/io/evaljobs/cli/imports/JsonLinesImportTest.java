package io.evaljobs.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.cli.batch.BatchWriter;
import io.evaljobs.cli.batch.FakeBatchDynamoDb;
import io.evaljobs.retry.Backoff;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonLinesImportTest {
  /** Lines of the form {@code tenant,job,value}; anything else is a bad line. */
  private static final ItemParser CSV_PARSER =
      line -> {
        String[] parts = line.split(",", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
          throw new IllegalArgumentException("job must be tenant,job,value");
        }
        return FakeBatchDynamoDb.item(parts[0], parts[1], parts[2]);
      };

  @Test
  void run_mixOfGoodBadAndBlankLines_writesAllGoodLinesAndReportsEachBadLineByNumber() throws IOException {
    Random random = new Random(42);
    StringBuilder input = new StringBuilder();
    List<Long> badLines = new ArrayList<>();
    int good = 0;
    int lines = 2_000;
    for (int n = 1; n <= lines; n++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        input.append("not a job\n");
        badLines.add((long) n);
      } else if (kind == 1) {
        input.append("   \n");
      } else {
        input.append("t,j").append(n).append(",v\n");
        good++;
      }
    }
    FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(5), 0.3, item -> false);
    StringWriter err = new StringWriter();
    byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);

    ImportReport report =
        new JsonLinesImport(CSV_PARSER, new ImportProgress(new PrintWriter(err), OptionalLong.of(bytes.length)))
            .run(
                new ByteArrayInputStream(bytes),
                outcome ->
                    new BatchWriter(
                        dynamo,
                        FakeBatchDynamoDb.TABLE,
                        FakeBatchDynamoDb.KEY,
                        Backoff.exponential(100, Duration.ZERO, Duration.ZERO),
                        outcome));

    assertEquals(new ImportReport(good + badLines.size(), good, badLines.size()), report);
    assertEquals(good, dynamo.stored.size());
    List<Long> reported = new ArrayList<>();
    Matcher matcher = Pattern.compile("line (\\d+): rejected: job must be tenant,job,value").matcher(err.toString());
    while (matcher.find()) {
      reported.add(Long.parseLong(matcher.group(1)));
    }
    assertEquals(badLines, reported);
    assertTrue(err.toString().matches("(?s).*\\] [0-9]{1,2}% read .*"), err.toString());
    assertTrue(err.toString().contains("] 100% done: read " + report.linesRead() + ", written " + good
        + ", rejected " + badLines.size()), err.toString());
  }

  @Test
  void run_lastLineWithoutNewline_isImported() throws IOException {
    FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb(new Random(5), 0.0, item -> false);
    ImportReport report =
        new JsonLinesImport(CSV_PARSER, new ImportProgress(new PrintWriter(new StringWriter()), OptionalLong.empty()))
            .run(
                new ByteArrayInputStream("t,a,1\nt,b,2".getBytes(StandardCharsets.UTF_8)),
                outcome -> new BatchWriter(dynamo, FakeBatchDynamoDb.TABLE, FakeBatchDynamoDb.KEY,
                    Backoff.exponential(1, Duration.ZERO, Duration.ZERO), outcome));
    assertEquals(new ImportReport(2, 2, 0), report);
    assertTrue(report.complete());
  }
}
