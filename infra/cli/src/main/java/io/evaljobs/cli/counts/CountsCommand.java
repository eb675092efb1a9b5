package io.evaljobs.cli.counts;

import picocli.CommandLine.Command;

/** {@code evaljobs counts}: the counters behind {@code total_count} of GET /evaluations. */
@Command(
    name = "counts",
    mixinStandardHelpOptions = true,
    description = "Manages the counters behind total_count of GET /evaluations.",
    subcommands = BackfillCountsCommand.class)
public final class CountsCommand {}
