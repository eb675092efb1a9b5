package io.evaljobs.cli.imports;

import io.evaljobs.cli.batch.BatchOutcome;
import io.evaljobs.cli.batch.BatchWriter;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads JSON Lines, turns each into an item and hands it to a batch writer. A bad line is reported and skipped; it
 * never stops the import nor costs the good lines around it.
 */
final class JsonLinesImport {
  private final ItemParser parser;
  private final ImportProgress progress;

  JsonLinesImport(ItemParser parser, ImportProgress progress) {
    this.parser = parser;
    this.progress = progress;
  }

  /** Reads {@code input} to its end; {@code writerFor} builds the writer that reports to the given outcome. */
  ImportReport run(InputStream input, Function<BatchOutcome, BatchWriter> writerFor) throws IOException {
    Counts counts = new Counts();
    CountingInputStream counted = new CountingInputStream(input);
    BatchOutcome outcome =
        new BatchOutcome() {
          @Override
          public void written(long tag) {
            counts.written++;
          }

          @Override
          public void failed(long tag, String reason) {
            counts.rejected++;
            progress.rejected(tag, reason);
          }
        };
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                counted,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    try (BatchWriter writer = writerFor.apply(outcome)) {
      long lineNumber = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        counts.read++;
        parseAndQueue(line, lineNumber, writer, outcome);
        progress.update(counted.count, counts.read, counts.written, counts.rejected);
      }
    }
    ImportReport report = new ImportReport(counts.read, counts.written, counts.rejected);
    progress.finished(report);
    return report;
  }

  private void parseAndQueue(String line, long lineNumber, BatchWriter writer, BatchOutcome outcome) {
    Map<String, AttributeValue> item;
    try {
      item = parser.parse(line);
    } catch (RuntimeException e) {
      outcome.failed(lineNumber, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return;
    }
    writer.put(lineNumber, item);
  }

  private static final class Counts {
    long read;
    long written;
    long rejected;
  }

  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
