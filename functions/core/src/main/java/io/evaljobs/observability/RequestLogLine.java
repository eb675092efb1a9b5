package io.evaljobs.observability;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import io.evaljobs.lambda.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the one log line of a request: a JSON object on standard output that is both the structured request log
 * and a CloudWatch Embedded Metric Format record (namespace {@value #NAMESPACE}, dimensions {@code Api} and
 * {@code Function}, the function's name, which keeps the metrics of stacks in one account apart).
 *
 * <p>The line carries no keys, page tokens, filter values or tenant names: only filter names, a tenant hash and
 * counters. Lambda's JSON log format keeps a line that is already a JSON object as it is, so CloudWatch extracts the
 * metrics from it; its {@code level} field lets Lambda's application log level filter it.
 */
public final class RequestLogLine {
  public static final String NAMESPACE = "evaljobs";
  public static final String API_DIMENSION = "Api";
  public static final String FUNCTION_DIMENSION = "Function";
  /** The function dimension outside Lambda (local API, tests). */
  public static final String LOCAL_FUNCTION = "local";

  private final Supplier<PrintStream> out;
  private final LogLevel threshold;
  private final Clock clock;
  private final String function;

  public RequestLogLine(PrintStream out, LogLevel threshold, Clock clock, String function) {
    this(() -> out, threshold, clock, function);
  }

  private RequestLogLine(Supplier<PrintStream> out, LogLevel threshold, Clock clock, String function) {
    this.out = out;
    this.threshold = threshold;
    this.clock = clock;
    this.function = function;
  }

  /**
   * Standard output as it is when a line is written (a runtime or a test may replace it after start), at the level
   * the environment configures, named after the Lambda function running it.
   */
  public static RequestLogLine fromEnvironment(Environment env) {
    String function = env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse(LOCAL_FUNCTION);
    return new RequestLogLine(() -> System.out, LogLevel.fromEnvironment(env), Clock.systemUTC(), function);
  }

  /** Server errors are ERROR, so that they stay visible at any configured level; everything else is INFO. */
  public static LogLevel levelOf(RequestOutcome outcome) {
    return outcome.status() >= 500 ? LogLevel.ERROR : LogLevel.INFO;
  }

  public void write(RequestOutcome outcome) {
    if (!threshold.admits(levelOf(outcome))) {
      return;
    }
    String line = format(outcome, function, clock.instant());
    PrintStream stream = out.get();
    // One println of the whole line: concurrent requests (local server) never interleave inside a line.
    synchronized (stream) {
      stream.println(line);
      stream.flush();
    }
  }

  public static String format(RequestOutcome outcome, String function, Instant now) {
    List<Metric> metrics = metricsOf(outcome);
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("timestamp", now.toString());
      json.writeStringField("level", levelOf(outcome).name());
      json.writeStringField("message", "request");
      json.writeStringField("requestId", outcome.requestId());
      json.writeStringField(API_DIMENSION, outcome.api());
      json.writeStringField(FUNCTION_DIMENSION, function);
      if (outcome.tenant().isPresent()) {
        json.writeStringField("tenant", TenantHash.of(outcome.tenant().get()));
      }
      writeShape(json, outcome.shape());
      json.writeNumberField("status", outcome.status());
      for (Metric metric : metrics) {
        json.writeFieldName(metric.name());
        if (metric.value() == Math.rint(metric.value()) && Math.abs(metric.value()) < 1e15) {
          json.writeNumber((long) metric.value());
        } else {
          json.writeNumber(metric.value());
        }
      }
      writeMetricDirective(json, metrics, now);
      json.writeEndObject();
    });
  }

  private static void writeShape(JsonGenerator json, QueryShape shape) throws IOException {
    json.writeArrayFieldStart("filters");
    for (String filter : shape.filters()) {
      json.writeString(filter);
    }
    json.writeEndArray();
    if (shape.sortBy().isPresent()) {
      json.writeStringField("sortBy", shape.sortBy().get());
    }
    if (shape.sortOrder().isPresent()) {
      json.writeStringField("sortOrder", shape.sortOrder().get());
    }
    if (shape.index().isPresent()) {
      json.writeStringField("index", shape.index().get());
    }
  }

  private static void writeMetricDirective(JsonGenerator json, List<Metric> metrics, Instant now)
      throws IOException {
    json.writeObjectFieldStart("_aws");
    json.writeNumberField("Timestamp", now.toEpochMilli());
    json.writeArrayFieldStart("CloudWatchMetrics");
    json.writeStartObject();
    json.writeStringField("Namespace", NAMESPACE);
    json.writeArrayFieldStart("Dimensions");
    json.writeStartArray();
    json.writeString(API_DIMENSION);
    json.writeString(FUNCTION_DIMENSION);
    json.writeEndArray();
    json.writeEndArray();
    json.writeArrayFieldStart("Metrics");
    for (Metric metric : metrics) {
      json.writeStartObject();
      json.writeStringField("Name", metric.name());
      json.writeStringField("Unit", metric.unit());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The metrics of one request; the read amplification only where items were returned (it is undefined else). */
  static List<Metric> metricsOf(RequestOutcome outcome) {
    List<Metric> metrics = new ArrayList<>();
    int status = outcome.status();
    metrics.add(new Metric("Latency", "Milliseconds", outcome.latencyMillis()));
    metrics.add(new Metric("DynamoDbRequests", "Count", outcome.stats().requests()));
    metrics.add(new Metric("ItemsRead", "Count", outcome.stats().itemsExamined()));
    metrics.add(new Metric("ItemsReturned", "Count", outcome.itemsReturned()));
    if (outcome.itemsReturned() > 0) {
      metrics.add(
          new Metric(
              "ItemsReadPerItemReturned", "None", (double) outcome.stats().itemsExamined() / outcome.itemsReturned()));
    }
    metrics.add(new Metric("ConsumedCapacity", "None", outcome.stats().capacityUnits()));
    metrics.add(new Metric("4xx", "Count", status >= 400 && status < 500 ? 1 : 0));
    metrics.add(new Metric("5xx", "Count", status >= 500 ? 1 : 0));
    metrics.add(new Metric("Throttles", "Count", outcome.throttled() ? 1 : 0));
    return metrics;
  }

  record Metric(String name, String unit, double value) {}
}
