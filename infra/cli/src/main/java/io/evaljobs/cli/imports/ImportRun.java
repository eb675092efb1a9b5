package io.evaljobs.cli.imports;

import io.evaljobs.cli.EvaljobsCli;
import io.evaljobs.cli.batch.BatchWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What both import commands do once they know how to parse a line: open the input, import, pick the exit code. */
final class ImportRun {
  private ImportRun() {}

  static int run(CommandSpec spec, String file, String table, ItemParser parser) {
    boolean stdin = file.equals("-");
    Path path = Path.of(file);
    if (!stdin && !Files.isRegularFile(path)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    try (InputStream input = stdin ? System.in : Files.newInputStream(path)) {
      OptionalLong size = stdin ? OptionalLong.empty() : OptionalLong.of(Files.size(path));
      ImportProgress progress = new ImportProgress(spec.commandLine().getErr(), size);
      ImportReport report =
          new JsonLinesImport(parser, progress)
              .run(input, outcome -> BatchWriter.forTable(EvaljobsCli.of(spec).dynamoDb(), table, outcome));
      return report.complete() ? 0 : EvaljobsCli.EXIT_FAILED;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
