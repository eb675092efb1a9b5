package io.evaljobs.cli.tables;

import io.evaljobs.cli.EvaljobsCli;
import io.evaljobs.tables.TableProvisioner;
import io.evaljobs.tables.TemplateTables;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaljobs tables create}: every table of template.yaml, with all its indexes; existing tables are kept. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Creates every table of template.yaml.")
final class CreateTablesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--prefix", defaultValue = "", description = "Prefix of the table names (default: none).")
  private String prefix;

  @Override
  public Integer call() {
    Map<String, String> created =
        TableProvisioner.createAll(
            EvaljobsCli.of(spec).dynamoDb(), TemplateTables.load(), logicalId -> prefix + logicalId);
    PrintWriter out = spec.commandLine().getOut();
    new TreeMap<>(created).forEach((logicalId, table) -> out.println(logicalId + "\t" + table));
    out.flush();
    return 0;
  }
}
