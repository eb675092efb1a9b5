package io.evaljobs.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A DynamoDB client that answers Query from a function and records the requests; every other call fails. */
final class StubDynamoDb implements DynamoDbClient {
  private final Function<QueryRequest, QueryResponse> answer;
  final List<QueryRequest> queries = new ArrayList<>();

  StubDynamoDb(Function<QueryRequest, QueryResponse> answer) {
    this.answer = answer;
  }

  /** For paths that must not reach DynamoDB at all. */
  static StubDynamoDb unreachable() {
    return new StubDynamoDb(request -> {
      throw new AssertionError("DynamoDB must not be queried: " + request);
    });
  }

  @Override
  public synchronized QueryResponse query(QueryRequest request) {
    queries.add(request);
    return answer.apply(request);
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
