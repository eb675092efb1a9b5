package io.evaljobs.counts;

import io.evaljobs.evaluations.CountedJob;
import io.evaljobs.evaluations.EvaluationTable;
import io.evaljobs.evaluations.JobCountTable;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stream record of the evaluations table as the counters see it: the job it is about, what it was before and
 * after (empty where the item did not exist or is not a job), and its place in the stream.
 */
public record JobChange(
    String sequence, String organization, String jobId, Optional<CountedJob> before, Optional<CountedJob> after) {

  /**
   * The change a stream record describes; empty for a record without the table's keys (nothing of ours).
   *
   * @param sequenceNumber the record's {@code SequenceNumber}
   */
  public static Optional<JobChange> of(
      String sequenceNumber,
      Map<String, AttributeValue> keys,
      Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage) {
    Optional<String> organization = EvaluationTable.stringKey(keys, EvaluationTable.ORGANIZATION);
    Optional<String> jobId = EvaluationTable.stringKey(keys, EvaluationTable.JOB_ID);
    if (organization.isEmpty() || jobId.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JobChange(
            JobCountTable.sequence(sequenceNumber),
            organization.get(),
            jobId.get(),
            EvaluationTable.countedJob(oldImage),
            EvaluationTable.countedJob(newImage)));
  }

  /** Whether this change moves any counter: an insert, a removal, or a new status, judge or creation hour. */
  boolean counts() {
    return !before.equals(after);
  }
}
