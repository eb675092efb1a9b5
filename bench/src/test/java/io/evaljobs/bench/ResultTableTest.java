package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void toMarkdown_cellWithPipe_escapesItSoColumnsStayAligned() {
    ResultTable table = new ResultTable();
    table.add("4", "status|judge_id", "1.00", "<= 1.05");
    String[] lines = table.toMarkdown().split("\n");
    assertEquals(3, lines.length);
    assertEquals("| 4 | status\\|judge_id | 1.00 | <= 1.05 |", lines[2]);
    // Unescaped pipes delimit exactly five cells.
    assertEquals(5, lines[2].replace("\\|", "").split("\\|", -1).length - 1);
  }
}
