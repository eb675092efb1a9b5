package io.evaljobs.cli.batch;

/** Hears what became of each item handed to a {@link BatchWriter}, identified by the caller's tag (a line number). */
public interface BatchOutcome {
  void written(long tag);

  void failed(long tag, String reason);

  /** Ignores every outcome, for callers that only need the totals of the writer. */
  BatchOutcome IGNORE =
      new BatchOutcome() {
        @Override
        public void written(long tag) {}

        @Override
        public void failed(long tag, String reason) {}
      };
}
