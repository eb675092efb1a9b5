package io.evaljobs.bench;

import java.util.ArrayList;
import java.util.List;

/** The one table a benchmark run prints: section, measurement, measured value and the target it is read against. */
final class ResultTable {
  private final List<Row> rows = new ArrayList<>();

  void add(String section, String measurement, String value, String target) {
    rows.add(new Row(section, measurement, value, target));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("| # | measurement | value | target / reference |\n");
    out.append("|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(cell(row.section()))
          .append(" | ")
          .append(cell(row.measurement()))
          .append(" | ")
          .append(cell(row.value()))
          .append(" | ")
          .append(cell(row.target()))
          .append(" |\n");
    }
    return out.toString();
  }

  /** Markdown cells may not hold a pipe or a line break. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  record Row(String section, String measurement, String value, String target) {}
}
