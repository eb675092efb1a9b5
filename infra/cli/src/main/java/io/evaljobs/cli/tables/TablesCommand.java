package io.evaljobs.cli.tables;

import picocli.CommandLine.Command;

/** {@code evaljobs tables}: the tables of template.yaml. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = "Manages the tables declared in template.yaml.",
    subcommands = CreateTablesCommand.class)
public final class TablesCommand {}
