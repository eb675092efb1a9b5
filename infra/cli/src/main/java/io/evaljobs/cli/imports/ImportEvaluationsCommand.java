package io.evaljobs.cli.imports;

import io.evaljobs.evaluations.EvaluationTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaljobs import evaluations}: evaluation jobs of one organization. */
@Command(
    name = "evaluations",
    mixinStandardHelpOptions = true,
    description = "Imports evaluation jobs of one organization.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every line was written", "1:some lines were rejected", "2:usage error"})
final class ImportEvaluationsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--organization", required = true, description = "Organization (tenant) the jobs belong to.")
  private String organization;

  @Option(
      names = "--table",
      defaultValue = "${env:EVALUATIONS_TABLE:-" + EvaluationTable.LOGICAL_ID + "}",
      description = "Evaluations table (default: EVALUATIONS_TABLE or ${DEFAULT-VALUE}).")
  private String table;

  @Parameters(paramLabel = "FILE", description = "JSON Lines file, '-' for stdin.")
  private String file;

  @Override
  public Integer call() {
    if (organization.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--organization must not be blank");
    }
    return ImportRun.run(
        spec, file, table, line -> EvaluationTable.toItem(organization, EvaluationJobLine.parse(line)));
  }
}
