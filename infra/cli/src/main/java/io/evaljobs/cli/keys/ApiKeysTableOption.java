package io.evaljobs.cli.keys;

import picocli.CommandLine.Option;

/** The --table option of the key commands. */
final class ApiKeysTableOption {
  @Option(
      names = "--table",
      defaultValue = "${env:API_KEYS_TABLE:-ApiKeysTable}",
      description = "API keys table (default: API_KEYS_TABLE or ${DEFAULT-VALUE}).")
  String table;
}
