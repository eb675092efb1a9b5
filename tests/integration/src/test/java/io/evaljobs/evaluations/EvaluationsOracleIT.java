package io.evaljobs.evaluations;

/** The oracle suite on in-process DynamoDB Local. */
class EvaluationsOracleIT extends EvaluationsOracleSuite {
  @Override
  protected DynamoDbBackend openBackend() {
    return DynamoDbBackend.embedded();
  }
}
