package io.evaljobs.evaluations;

/** The end-to-end suite on in-process DynamoDB Local. */
class ListEvaluationsHandlerIT extends ListEvaluationsHandlerSuite {
  @Override
  protected DynamoDbBackend openBackend() {
    return DynamoDbBackend.embedded();
  }
}
