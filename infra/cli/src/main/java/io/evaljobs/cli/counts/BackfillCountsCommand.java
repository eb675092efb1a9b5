package io.evaljobs.cli.counts;

import io.evaljobs.cli.EvaljobsCli;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaljobs counts backfill}: counts the jobs an evaluations table held before its stream was counted, e.g.
 * after upgrading a stack whose table predates the counts. Safe while the API and the stream consumer run, and to
 * run again.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Counts the jobs that no stream record has counted (a table older than its counts).")
final class BackfillCountsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--table",
      defaultValue = "${env:EVALUATIONS_TABLE:-" + EvaluationTable.LOGICAL_ID + "}",
      description = "Evaluations table (default: EVALUATIONS_TABLE or ${DEFAULT-VALUE}).")
  private String table;

  @Option(
      names = "--counts-table",
      defaultValue = "${env:EVALUATION_COUNTS_TABLE:-" + JobCountTable.LOGICAL_ID + "}",
      description = "Counts table (default: EVALUATION_COUNTS_TABLE or ${DEFAULT-VALUE}).")
  private String countsTable;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    JobCountBackfill.Result result =
        new JobCountBackfill(EvaljobsCli.of(spec).dynamoDb(), table, countsTable)
            .run(read -> {
              err.println("read " + read + " items");
              err.flush();
            });
    PrintWriter out = spec.commandLine().getOut();
    out.println("scanned " + result.scanned() + " items: counted " + result.counted() + " jobs, "
        + result.alreadyCounted() + " were counted already, " + result.reread() + " re-read after a change");
    out.flush();
    return 0;
  }
}
