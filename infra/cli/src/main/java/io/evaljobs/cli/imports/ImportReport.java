package io.evaljobs.cli.imports;

/** Totals of one import: every non-blank line read ends up either written or rejected. */
record ImportReport(long linesRead, long written, long rejected) {

  boolean complete() {
    return rejected == 0 && written == linesRead;
  }
}
