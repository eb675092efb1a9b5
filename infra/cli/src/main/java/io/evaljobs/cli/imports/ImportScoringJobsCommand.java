package io.evaljobs.cli.imports;

import io.evaljobs.scoring.ScoringJobTable;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaljobs import scoring-jobs}: scoring jobs, each of the tenant named by its agent_identity_context. */
@Command(
    name = "scoring-jobs",
    mixinStandardHelpOptions = true,
    description = "Imports confidence scoring jobs; each line's agent_identity_context names its customer and project.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every line was written", "1:some lines were rejected", "2:usage error"})
final class ImportScoringJobsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--table",
      defaultValue = "${env:SCORING_JOBS_TABLE:-" + ScoringJobTable.LOGICAL_ID + "}",
      description = "Scoring jobs table (default: SCORING_JOBS_TABLE or ${DEFAULT-VALUE}).")
  private String table;

  @Parameters(paramLabel = "FILE", description = "JSON Lines file, '-' for stdin.")
  private String file;

  @Override
  public Integer call() {
    // Lines without created_at are stamped with the start of the import, the same instant for the whole file.
    Instant importedAt = Instant.now();
    return ImportRun.run(spec, file, table, line -> ScoringJobTable.toItem(ScoringJobLine.parse(line, importedAt)));
  }
}
