package io.evaljobs.cli.imports;

import picocli.CommandLine.Command;

/** {@code evaljobs import}: loads JSON Lines of jobs, in the APIs' own job shape, into the tables. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports jobs from JSON Lines (one job per line, '-' for stdin).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every line was written", "1:some lines were rejected", "2:usage error"},
    subcommands = {ImportEvaluationsCommand.class, ImportScoringJobsCommand.class})
public final class ImportCommand {}
